import type { INodeProperties } from 'n8n-workflow';

import { workflowIdLocator } from '../../fields/locators';
import type { Operation } from '../../../description/operations';
import { filtersCollection } from '../../../description/filters';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { sendAs } from '../../../description/send';
import { JOBS_PATH } from '../../api/paths';
import { route } from '../../../http/route';
import { applyLimit, sortNewestFirst, toListItems, withIdAs } from '../../../items/responseItems';
import { JOB_STATUS_OPTIONS } from '../../fields/jobStatuses';

const fields: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'COMPLETED',
			options: JOB_STATUS_OPTIONS,
			description: 'Only jobs with this status',
			...sendAs('query', 'status'),
		},
		{
			...workflowIdLocator,
			description: 'Only jobs of this workflow',
			...sendAs('query', 'workflow_id'),
		},
	]),
];

export const jobGetMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many jobs',
		description: 'List the jobs of the account, newest first',
		routing: route('GET', JOBS_PATH, {
			postReceive: [toListItems, withIdAs('job_id'), sortNewestFirst, applyLimit],
		}),
	},
	fields,
};
