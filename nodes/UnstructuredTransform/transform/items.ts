import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { withContext } from '../../items/itemContext';
import { isObject } from '../api/types';
import type { Finished } from './submit';

/** What every item of a result says about where it came from. */
function resultContext(
	{ result, jobId }: Finished,
	idField: 'parse_id' | 'extract_id',
): IDataObject {
	const source = result.source ?? {};
	const warnings =
		Array.isArray(result.warnings) && result.warnings.length > 0
			? { warnings: result.warnings as IDataObject[] }
			: {};
	return {
		[idField]: result.id,
		status: result.status,
		...warnings,
		file_name: source.filename,
		file_id: source.file_id,
		...(jobId ? { job_id: jobId } : {}),
	};
}

/**
 * Parse, Output Markdown: one item for the document: the Markdown, the parse ID (for Extract), the
 * source's facts and expiry, and what the API warned about.
 */
export function markdownItem(finished: Finished): INodeExecutionData {
	const { result } = finished;
	const source = result.source ?? {};
	return {
		json: {
			markdown: result.markdown ?? '',
			...resultContext(finished, 'parse_id'),
			page_count: result.metadata?.page_count,
			mimetype: source.mimetype,
			expires_at: source.expires_at,
			profile: result.profile,
			format_version: result.format_version,
			...(Array.isArray(result.extracted_data) && result.extracted_data.length > 0
				? { extracted_data: result.extracted_data as IDataObject[] }
				: {}),
		},
	};
}

/**
 * Parse, Output Elements: one item per element, shaped as the Unstructured node's Output Elements
 * (the element's own fields, its metadata with the file name, then where it came from), so that the
 * same Default Data Loader and vector store chain takes either; or one item with them all.
 */
export function elementItems(finished: Finished, onePerElement: boolean): INodeExecutionData[] {
	const { result } = finished;
	const context = resultContext(finished, 'parse_id');
	const elements = (result.elements ?? []).filter(isObject).map((element) => {
		const metadata = isObject(element.metadata) ? element.metadata : {};
		return withContext(
			{ ...element, metadata: { filename: result.source?.filename, ...metadata } } as IDataObject,
			context,
		);
	});
	if (!onePerElement)
		return [{ json: { ...context, page_count: result.metadata?.page_count, elements } }];
	return elements.map((json) => ({ json }));
}

/**
 * Extract: one item per extracted record, its fields at the top of `json` (a Sheets or Postgres node
 * maps them as they are), and what the API says about it under `extraction` unless left out.
 */
export function extractedItems(
	finished: Finished,
	parseId: string | undefined,
	withMetadata: boolean,
): INodeExecutionData[] {
	const { result } = finished;
	const records = Array.isArray(result.extracted_data) ? result.extracted_data : [];
	return records.map((record) => {
		const data = isObject(record) && 'data' in record ? record.data : record;
		const fields = isObject(data) ? (data as IDataObject) : { data: data as IDataObject[string] };
		if (!withMetadata) return { json: fields };
		const extraction: IDataObject = {
			...resultContext(finished, 'extract_id'),
			...(parseId ? { parse_id: parseId } : {}),
			...(isObject(record) && record.field_metadata !== undefined
				? { field_metadata: record.field_metadata as IDataObject }
				: {}),
			source: (result.source ?? null) as IDataObject,
		};
		return { json: { ...fields, extraction } };
	});
}
