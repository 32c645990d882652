import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { jobNotFound } from '../../api/notFound';
import { withContext } from '../../../items/itemContext';
import { unexpectedBodyError } from '../../../http/errors';
import { jobPath } from '../../api/paths';
import { route } from '../../../http/route';

const fields: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'details',
		options: [
			{
				name: 'Details',
				value: 'details',
				description: 'One item with the processing status, message and the counters of every node',
			},
			{
				name: 'One Item per Node',
				value: 'nodeStats',
				description:
					'One item per workflow node with its counters (ready, in progress, success, failure)',
			},
		],
	},
];

/** postReceive: `JobDetails` with its `id` also as `job_id`, whole or as one item per node. */
export async function toJobDetailsOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	if (!body || typeof body !== 'object' || !('processing_status' in body)) {
		throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	}
	const { id } = body;
	if (this.getNodeParameter('output', 'details') === 'nodeStats') {
		const stats = Array.isArray(body.node_stats) ? (body.node_stats as IDataObject[]) : [];
		return stats.map((stat) => ({
			json: { job_id: id, processing_status: body.processing_status, ...stat },
		}));
	}
	return [{ json: withContext(body, { job_id: id }) }];
}

export const jobGetDetails: Operation = {
	option: {
		name: 'Get Details',
		value: 'getDetails',
		action: 'Get the processing details of a job',
		description: 'Get how far a job is, with counters per workflow node',
		routing: route('GET', (id) => jobPath(id('jobId'), 'details'), {
			postReceive: [toJobDetailsOutput],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
	subtitle: 'Get Job Details',
	fields,
};
