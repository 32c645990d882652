import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { newestFirst } from '../../items/newestFirst';
import { unexpectedBodyError } from '../../http/errors';
import { CONNECTORS_PATHS, JOBS_PATH, TEMPLATES_PATH, WORKFLOWS_PATH } from '../api/paths';
import { apiRequest } from '../../http/transport';
import type { JobInformation } from '../api/types';

const PAGE_SIZE = 100;

async function getList(
	context: ILoadOptionsFunctions,
	url: string,
	qs: IDataObject = {},
): Promise<unknown[]> {
	const response = await apiRequest(context, { method: 'GET', url, qs });
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Nov 14:05" (UTC) from an ISO date-time, short enough for the picker; the text as it is when it is not one. */
function readableDate(iso: unknown): string {
	const date = new Date(String(iso));
	if (Number.isNaN(date.getTime())) return String(iso ?? '');
	const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${time}`;
}

/** "COMPLETED" → "Completed", "IN_PROGRESS" → "In progress". */
function readableStatus(status: unknown): string {
	const text = String(status ?? '')
		.toLowerCase()
		.replace(/_/g, ' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A job as the picker shows it: the short ID first, the one part that tells two jobs apart even where a narrow panel cuts the label. */
function jobLabel(job: JobInformation): string {
	return `${String(job.id).slice(0, 8)} · ${job.workflow_name} · ${readableStatus(job.status)} ${readableDate(job.created_at)}`;
}

/** The account's jobs, newest first, named by workflow, status, start time and short ID. */
export async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const jobs = (await getList(this, JOBS_PATH)) as JobInformation[];
	const results = newestFirst(
		jobs.filter((job) => matches(filter, job.id, job.workflow_name, job.status)),
		(job) => job.created_at,
	).map((job) => ({ name: jobLabel(job), value: job.id }));
	return page(results, paginationToken);
}

/** The account's workflows, searched by name on the API side, 100 per page. */
export async function searchWorkflows(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const qs: IDataObject = { page, page_size: PAGE_SIZE };
	if (filter) qs.name = filter;
	const workflows = (await getList(this, WORKFLOWS_PATH, qs)) as IDataObject[];
	return {
		results: workflows.map((workflow) => ({
			name: `${String(workflow.name)} · ${readableStatus(workflow.status)}`,
			value: String(workflow.id),
		})),
		paginationToken: workflows.length === PAGE_SIZE ? String(page + 1) : undefined,
	};
}

/** Unstructured's workflow templates, for on-demand jobs: the name (long ones are cut off in the list), then the ID and description. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const templates = (await getList(this, TEMPLATES_PATH)) as IDataObject[];
	return {
		results: templates
			.filter((template) => matches(filter, template.id, template.name))
			.map((template) => ({
				name: String(template.name),
				value: String(template.id),
				description: [String(template.id), template.description].filter(Boolean).join(': '),
			})),
	};
}

async function searchConnectors(
	context: ILoadOptionsFunctions,
	url: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const connectors = (await getList(context, url)) as IDataObject[];
	const results = newestFirst(
		connectors.filter((connector) => matches(filter, connector.id, connector.name, connector.type)),
		(connector) => connector.created_at,
	).map((connector) => ({
		name: `${String(connector.name)} · ${String(connector.type)}`,
		value: String(connector.id),
	}));
	return page(results, paginationToken);
}

/** The account's source connectors, newest first, named by name and type, searchable by either or ID. */
export async function searchSources(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchConnectors(this, CONNECTORS_PATHS.source, filter, paginationToken);
}

/** The account's destination connectors, as the sources are. */
export async function searchDestinations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchConnectors(this, CONNECTORS_PATHS.destination, filter, paginationToken);
}
