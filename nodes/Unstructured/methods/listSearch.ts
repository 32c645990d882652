import type {
	IDataObject,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { normalizeApiUrl } from '../shared/apiUrl';
import { apiErrorFromResponse, unexpectedBodyError } from '../shared/errors';
import type { JobInformation } from '../shared/types';

const PAGE_SIZE = 100;

async function getList(context: ILoadOptionsFunctions, path: string, qs: IDataObject = {}): Promise<unknown[]> {
	const credentials = await context.getCredentials<{ apiUrl: string }>('unstructuredApi');
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, 'unstructuredApi', {
		method: 'GET',
		baseURL: normalizeApiUrl(credentials.apiUrl),
		url: path,
		qs,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) throw apiErrorFromResponse(context.getNode(), response, 0);
	if (!Array.isArray(response.body)) throw unexpectedBodyError(context.getNode(), response, 0);
	return response.body;
}

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle));
}

/** Pages through a list that the API returns whole; the token is the offset of the next page. */
function page(results: INodeListSearchItems[], paginationToken?: string): INodeListSearchResult {
	const offset = Number(paginationToken) || 0;
	const next = offset + PAGE_SIZE;
	return {
		results: results.slice(offset, next),
		paginationToken: next < results.length ? String(next) : undefined,
	};
}

/** The account's jobs, newest first, named by workflow, status and start time. */
export async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const jobs = (await getList(this, '/api/v1/jobs/')) as JobInformation[];
	const results = jobs
		.filter((job) => matches(filter, job.id, job.workflow_name, job.status))
		.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
		.map((job) => ({
			name: `${job.workflow_name} · ${job.status} · ${job.created_at}`,
			value: job.id,
		}));
	return page(results, paginationToken);
}
