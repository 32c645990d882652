import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { unexpectedBodyError } from '../../shared/errors';
import { workflowIdLocator } from '../../shared/locators';
import { readOptionalText } from '../../shared/pathIds';
import { JOB_STATUS_OPTIONS } from './jobStatuses';

const showOnlyForJobGetAll = {
	operation: ['getAll'],
	resource: ['job'],
};

export const jobGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: { show: showOnlyForJobGetAll },
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { ...showOnlyForJobGetAll, returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForJobGetAll },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'COMPLETED',
				options: JOB_STATUS_OPTIONS,
				description: 'Only jobs with this status',
			},
			{
				...workflowIdLocator,
				description: 'Only jobs of this workflow',
			},
		],
	},
];

/** preSend: the filters as query parameters, leaving out empty ones. */
export async function setJobListQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = {};
	const workflowId = readOptionalText(this, 'filters.workflowId');
	if (workflowId) qs.workflow_id = workflowId;
	const status = readOptionalText(this, 'filters.status');
	if (status) qs.status = status;
	return { ...requestOptions, qs: { ...requestOptions.qs, ...qs } };
}

/** postReceive: one item per job, newest first, up to Limit unless Return All. */
export async function toJobList(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!Array.isArray(response.body)) throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	const jobs = [...(response.body as IDataObject[])].sort((a, b) =>
		String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')),
	);
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = this.getNodeParameter('limit', 50) as number;
	const pairedItem = { item: this.getItemIndex() };
	return (returnAll ? jobs : jobs.slice(0, limit)).map((json) => ({ json, pairedItem }));
}
