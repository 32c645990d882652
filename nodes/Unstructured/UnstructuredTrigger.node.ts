import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { searchWorkflows } from './methods/listSearch';
import { jobOutput } from './fields/jobOutput';
import { jobScopeFields } from './fields/jobScope';
import { withJobId } from '../items/itemContext';
import { fetchJob, outputFileItems } from './job/output';
import type { FetchLimits } from './job/output';
import { createChannel, deleteChannel, findChannel } from './trigger/channels';
import type { ChannelState } from './trigger/channels';
import { claimDelivery, settleDelivery } from './trigger/seenDeliveries';
import { checkSignature } from './trigger/signature';

/** The Output of a delivery with Fetch Job. */
const webhookTriggerOutput = jobOutput({ default: 'outputFiles', choices: ['outputFiles', 'job'] });

const JOB_EVENTS = [
	'job.scheduled',
	'job.in_progress',
	'job.completed',
	'job.stopped',
	'job.failed',
];

function header(request: { headers: Record<string, unknown> }, name: string): string | undefined {
	const value = request.headers[name];
	return typeof value === 'string' ? value : undefined;
}

/** The event as one item; `job` is the payload's job object. */
function eventItem(payload: IDataObject): IDataObject {
	const job = (payload.job ?? {}) as IDataObject;
	return {
		type: payload.type,
		job_id: job.job_id ?? job.id,
		workflow_id: job.workflow_id,
		processing_time_ms: payload.processing_time_ms,
		payload,
	};
}

/**
 * The job fetch of a delivery is bounded so that the answer goes back before the sender gives up:
 * Svix, whose scheme Unstructured's webhooks follow, waits 15 s for it (docs.svix.com/retries).
 * The last attempt starts within 7 s and gets 3 s: an answer within about 10 s.
 */
const DELIVERY_FETCH_LIMITS: FetchLimits = {
	timeout: 3_000,
	retry: { maxAttempts: 3, maxElapsedMs: 7_000 },
};

/** What a delivery produces: the event, or the job it is about (or its files); nothing for an event not selected. */
async function deliveryResponse(
	context: IWebhookFunctions,
	payload: IDataObject,
): Promise<IWebhookResponseData> {
	const events = context.getNodeParameter('events', JOB_EVENTS) as string[];
	if (!events.includes(String(payload.type))) {
		return {
			webhookResponse: { received: true, ignored: `event ${String(payload.type)} not selected` },
		};
	}
	const event = eventItem(payload);
	if (context.getNodeParameter('fetchJob', false) !== true)
		return { workflowData: [[{ json: event }]] };

	const job = await fetchJob(context, String(event.job_id), DELIVERY_FETCH_LIMITS);
	const items: INodeExecutionData[] =
		webhookTriggerOutput.read(context) === 'outputFiles'
			? outputFileItems(job).map((json) => ({ json }))
			: [{ json: withJobId(job) }];
	return { workflowData: [items] };
}

export class UnstructuredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unstructured Trigger',
		name: 'unstructuredTrigger',
		icon: { light: 'file:unstructured.svg', dark: 'file:unstructured.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["events"].map((event) => event.replace("job.", "").replace("_", " ")).join(", ") }}',
		// n8n's nodes panel merges a node and its "…Trigger" into one entry and gives it the trigger's
		// description (editor-ui: generateMergedNodesAndActions), so this one describes both.
		description:
			'Run workflows and jobs of the Unstructured Platform API and manage its workflows, sources and destinations; start a workflow when a job is scheduled, starts, completes, stops or fails',
		documentationUrl:
			'https://github.com/n8n-nodes-unstructured/n8n-nodes-unstructured#unstructured-trigger',
		defaults: {
			name: 'Unstructured Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unstructuredApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Unstructured must be able to reach this n8n over HTTPS. The trigger registers a webhook notification channel for this workflow\'s production URL when the workflow is published (deleted when unpublished), and one for the test URL while "Execute step" or "Execute workflow" listens for a test event.',
				name: 'reachabilityNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['job.completed', 'job.failed', 'job.stopped'],
				options: [
					{
						name: 'Job Completed',
						value: 'job.completed',
						description: 'The job finished processing (some files may still have failed)',
					},
					{
						name: 'Job Failed',
						value: 'job.failed',
						description: 'The job failed to start or processed no file',
					},
					{
						name: 'Job In Progress',
						value: 'job.in_progress',
						description: 'The job started running',
					},
					{ name: 'Job Scheduled', value: 'job.scheduled', description: 'The job was queued' },
					{ name: 'Job Stopped', value: 'job.stopped', description: 'The job was stopped by hand' },
				],
				description: 'The job events that start the workflow',
			},
			...jobScopeFields('The workflow whose job events start this workflow'),
			{
				displayName: 'Fetch Job',
				name: 'fetchJob',
				type: 'boolean',
				default: false,
				description:
					'Whether to get the job from the API and output it (or its output files) instead of the event alone',
			},
			{
				...webhookTriggerOutput.field({ fetchJob: [true] }),
				description: 'With Fetch Job: what to output about the job',
			},
		],
	};

	methods = {
		listSearch: {
			searchWorkflows,
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as ChannelState;
				return await findChannel(this, state, this.getNodeWebhookUrl('default') as string);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as ChannelState;
				await createChannel(this, state, this.getNodeWebhookUrl('default') as string);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await deleteChannel(this, this.getWorkflowStaticData('node') as ChannelState);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as {
			headers: Record<string, unknown>;
			rawBody?: Buffer;
			body?: unknown;
		};
		const state = this.getWorkflowStaticData('node') as ChannelState;
		const rawBody = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
		const nowSeconds = Math.floor(Date.now() / 1000);
		const deliveryId = header(request, 'webhook-id');
		const check = state.secret
			? checkSignature(
					state.secret,
					{
						id: deliveryId,
						timestamp: header(request, 'webhook-timestamp'),
						signatureHeader: header(request, 'webhook-signature'),
						rawBody,
					},
					nowSeconds,
				)
			: { valid: false as const, reason: 'no channel is registered for this trigger' };
		if (!check.valid) {
			this.getResponseObject()
				.status(401)
				.json({ message: `Signature refused: ${check.reason}` });
			return { noWebhookResponse: true };
		}
		const channelKey = state.channelId ?? '';
		const id = deliveryId as string;
		const turn = claimDelivery(channelKey, id, nowSeconds);
		if (turn === 'handled') return { webhookResponse: { received: true, duplicate: true } };
		if (turn === 'inProgress') {
			this.getResponseObject()
				.status(409)
				.json({ message: 'This delivery is being handled: send it again later' });
			return { noWebhookResponse: true };
		}
		try {
			const response = await deliveryResponse(
				this,
				JSON.parse(rawBody.toString('utf8')) as IDataObject,
			);
			settleDelivery(channelKey, id, Math.floor(Date.now() / 1000), true);
			return response;
		} catch (error) {
			// Not handled: forgotten, and answered with an error, so that the sender's retry runs.
			settleDelivery(channelKey, id, Math.floor(Date.now() / 1000), false);
			const message = error instanceof Error ? error.message : String(error);
			this.logger.warn(
				`Unstructured Trigger: delivery ${id} not handled, the sender will retry it: ${message}`,
			);
			this.getResponseObject()
				.status(503)
				.json({ message: `Not handled, send it again: ${message}` });
			return { noWebhookResponse: true };
		}
	}
}
