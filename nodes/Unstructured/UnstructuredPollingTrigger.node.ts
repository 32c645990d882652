import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { searchWorkflows } from './methods/listSearch';
import { JOB_STATUS_OPTIONS } from './fields/jobStatuses';
import { jobOutput } from './fields/jobOutput';
import { jobScopeFields } from './fields/jobScope';
import { withJobId } from '../items/itemContext';
import { fetchJob, outputFileItems } from './job/output';
import type { FetchLimits } from './job/output';
import { newestFirst } from '../items/newestFirst';
import { readIdParameter } from '../input/parameters';
import { unexpectedBodyError } from '../http/errors';
import { JOBS_PATH } from './api/paths';
import { apiRequest } from '../http/transport';
import { isJob } from './api/types';
import type { JobInformation } from './api/types';
import { jobsToEmit } from './trigger/jobWatch';
import type { WatchState } from './trigger/jobWatch';

/** What each emitted job gives. */
const pollingTriggerOutput = jobOutput({ default: 'job', choices: ['job', 'outputFiles'] });

/** Polls after which a job whose fetch keeps failing is emitted with the error, rather than held back longer. */
const MAX_FETCH_POLLS = 5;

/** A failed fetch is tried again at the next poll, so one poll retries it only briefly. */
const POLL_FETCH_LIMITS: FetchLimits = { retry: { maxAttempts: 2, maxElapsedMs: 5_000 } };

/** The poll's state, with the jobs to emit whose fetch failed (ID → polls failed), tried again at the next polls. */
type PollState = WatchState & { unfetched?: Record<string, number> };

/** The job's output files as Job › Get gives them, or the reason its fetch failed. */
async function outputFilesOf(
	context: IPollFunctions,
	jobId: string,
): Promise<INodeExecutionData[] | { error: unknown }> {
	try {
		return outputFileItems(await fetchJob(context, jobId, POLL_FETCH_LIMITS)).map((json) => ({
			json,
		}));
	} catch (error) {
		return { error };
	}
}

/**
 * The emitted jobs as items: each job, or each job's output files as Job › Get gives them. A job
 * whose fetch fails does not hold the others back: it is kept in `unfetched` and tried again at
 * the next polls, and after MAX_FETCH_POLLS it is emitted as listed, with the `error`.
 */
async function outputItems(
	context: IPollFunctions,
	jobs: JobInformation[],
	listed: JobInformation[],
	state?: PollState,
): Promise<INodeExecutionData[]> {
	if (pollingTriggerOutput.read(context) === 'job')
		return jobs.map((job) => ({ json: withJobId(job) }));
	const items: INodeExecutionData[] = [];
	const retried = Object.keys(state?.unfetched ?? {});
	const unfetched: Record<string, number> = {};
	for (const id of [
		...retried,
		...jobs.map((job) => job.id).filter((id) => !retried.includes(id)),
	]) {
		const files = await outputFilesOf(context, id);
		if (Array.isArray(files)) {
			items.push(...files);
			continue;
		}
		// "Fetch Test Event" keeps no state: its error is shown as it is.
		if (!state) throw files.error;
		const failedPolls = (state.unfetched?.[id] ?? 0) + 1;
		if (failedPolls < MAX_FETCH_POLLS) unfetched[id] = failedPolls;
		else {
			const error = files.error instanceof Error ? files.error.message : String(files.error);
			items.push({ json: { ...withJobId(listed.find((job) => job.id === id) ?? { id }), error } });
		}
	}
	if (state) {
		if (Object.keys(unfetched).length > 0) state.unfetched = unfetched;
		else delete state.unfetched;
	}
	return items;
}

export class UnstructuredPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unstructured Polling Trigger',
		name: 'unstructuredPollingTrigger',
		icon: { light: 'file:unstructured.svg', dark: 'file:unstructured.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Jobs " + $parameter["statuses"].join(", ").toLowerCase() }}',
		description:
			'Starts the workflow when an Unstructured job completes, fails or stops, by checking regularly: no public URL needed',
		documentationUrl:
			'https://github.com/n8n-nodes-unstructured/n8n-nodes-unstructured#unstructured-polling-trigger',
		defaults: {
			name: 'Unstructured Polling Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unstructuredApi', required: true }],
		properties: [
			{
				displayName:
					'Checks Unstructured for jobs at the Poll Times above, so it works behind NAT or on a laptop. Each job starts the workflow once, when first seen in a selected status; the first check after publishing only notes the jobs there are. For instant events, use the Unstructured Trigger (webhooks).',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Job Statuses',
				name: 'statuses',
				type: 'multiOptions',
				required: true,
				default: ['COMPLETED', 'FAILED', 'STOPPED'],
				options: JOB_STATUS_OPTIONS,
				description: 'The statuses that start the workflow, once per job',
			},
			...jobScopeFields('The workflow whose jobs start this workflow'),
			pollingTriggerOutput.field(),
		],
	};

	methods = {
		listSearch: {
			searchWorkflows,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const workflowId =
			this.getNodeParameter('scope', 'workspace') === 'workflow'
				? readIdParameter(this, 'workflowId')
				: undefined;
		const response = await apiRequest(this, {
			method: 'GET',
			url: JOBS_PATH,
			qs: workflowId ? { workflow_id: workflowId } : {},
		});
		if (!Array.isArray(response.body)) throw unexpectedBodyError(this.getNode(), response, 0);
		const jobs = (response.body as unknown[]).filter(isJob);

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the most recent matching job, so that its fields can be mapped.
			const [newest] = newestFirst(
				jobs.filter((job) => statuses.includes(job.status)),
				(job) => job.created_at,
			);
			return newest ? [await outputItems(this, [newest], jobs)] : null;
		}
		const state = this.getWorkflowStaticData('node') as PollState;
		const watching = JSON.stringify({ workflowId, statuses });
		if (state.watching !== watching) delete state.unfetched;
		const { emit, next } = jobsToEmit(state, jobs, statuses, watching);
		const items =
			emit.length > 0 || state.unfetched ? await outputItems(this, emit, jobs, state) : [];
		Object.assign(state, next);
		return items.length > 0 ? [items] : null;
	}
}
