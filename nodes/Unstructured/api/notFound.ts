import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { readIdParameter, readOptionalText } from '../../input/parameters';

/** What a 404 means for each kind of object, naming the ID that was asked for. */

export const jobNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no job with ID "${readIdParameter(context, 'jobId')}"`;

export const jobOutputNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no output "${readOptionalText(context, 'fileId')}" of job "${readIdParameter(context, 'jobId')}"`;

export const workflowNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no workflow with ID "${readIdParameter(context, 'workflowId')}"`;

export const templateNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no template with ID "${readIdParameter(context, 'templateId')}"`;
