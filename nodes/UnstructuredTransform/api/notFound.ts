import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { readIdParameter } from '../../input/parameters';

/** A 404 for a job: absent, deleted, or not visible to this key (docs/unstructured-transform-api.md §2.7). */
export const jobNotFound = (context: IExecuteSingleFunctions) =>
	`Unstructured Transform has no job "${readIdParameter(context, 'jobId')}" for this key`;
