import type { IDataObject } from 'n8n-workflow';

/** `fields` followed by the `context` fields it lacks: what the API sent always wins. */
export function withContext(fields: IDataObject, context: IDataObject): IDataObject {
	const item = { ...fields };
	for (const [name, value] of Object.entries(context)) {
		if (value !== undefined && !(name in item)) item[name] = value;
	}
	return item;
}

/**
 * A job as the API returned it, plus `job_id` equal to its `id`: every item about a job carries
 * `job_id`, which the Job ID parameter reads by default, so that any of our nodes chains into Job
 * › Get, Get Details and the others with nothing typed.
 */
export function withJobId(job: { id: string }): IDataObject {
	return withContext(job as unknown as IDataObject, { job_id: job.id });
}
