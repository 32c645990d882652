import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { searchWorkflows } from './methods/listSearch';
import { JOB_STATUS_OPTIONS } from './resources/job/jobStatuses';
import { jobScopeFields } from './shared/descriptions/jobScope';
import { fetchJob, outputFileItems } from './shared/job/output';
import { readIdParameter } from './shared/parameters';
import { unexpectedBodyError } from './shared/request/errors';
import { JOBS_PATH } from './shared/request/paths';
import { apiRequest } from './shared/request/transport';
import { isJob } from './shared/types';
import type { JobInformation } from './shared/types';
import { jobsToEmit } from './trigger/jobWatch';
import type { WatchState } from './trigger/jobWatch';

/** The emitted jobs as items: each job, or each job's output files as Job › Get gives them. */
async function outputItems(context: IPollFunctions, jobs: JobInformation[]): Promise<INodeExecutionData[]> {
	if (context.getNodeParameter('output', 'job') === 'job') return jobs.map((job) => ({ json: job as IDataObject }));
	const items: INodeExecutionData[] = [];
	for (const listed of jobs) {
		items.push(...outputFileItems(await fetchJob(context, listed.id)).map((json) => ({ json })));
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
		description: 'Starts the workflow when an Unstructured job completes, fails or stops, by checking regularly: no public URL needed',
		documentationUrl: 'https://github.com/n8n-nodes-unstructured/n8n-nodes-unstructured#unstructured-polling-trigger',
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
					'Checks Unstructured for jobs at the times set below, so it works behind NAT or on a laptop. Each job starts the workflow once, when first seen in a selected status; the first check after publishing only notes the jobs there are. For instant events, use the Unstructured Trigger (webhooks).',
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
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'job',
				options: [
					{ name: 'Job', value: 'job', description: 'One item per job, as the API lists it' },
					{ name: 'Output Files', value: 'outputFiles', description: 'One item per output file of each job, as Job › Get gives them' },
				],
			},
		],
	};

	methods = {
		listSearch: {
			searchWorkflows,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const workflowId = this.getNodeParameter('scope', 'workspace') === 'workflow' ? readIdParameter(this, 'workflowId') : undefined;
		const response = await apiRequest(this, { method: 'GET', url: JOBS_PATH, qs: workflowId ? { workflow_id: workflowId } : {} });
		if (!Array.isArray(response.body)) throw unexpectedBodyError(this.getNode(), response, 0);
		const jobs = (response.body as unknown[]).filter(isJob);

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the most recent matching job, so that its fields can be mapped.
			const newest = jobs
				.filter((job) => statuses.includes(job.status))
				.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0];
			return newest ? [await outputItems(this, [newest])] : null;
		}
		const state = this.getWorkflowStaticData('node') as WatchState;
		const { emit, next } = jobsToEmit(state, jobs, statuses, JSON.stringify({ workflowId, statuses }));
		const items = emit.length > 0 ? await outputItems(this, emit) : [];
		Object.assign(state, next);
		return items.length > 0 ? [items] : null;
	}
}
