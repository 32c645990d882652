import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IGetNodeParameterOptions, INode } from 'n8n-workflow';

/** What reading a parameter needs: an item's context, or a trigger's (which has no item). */
export interface ParameterContext {
	getNode(): INode;
	getNodeParameter(name: string, fallbackValue?: unknown, options?: IGetNodeParameterOptions): unknown;
	getItemIndex?(): number;
}

/**
 * Parameters that may stand in a request path as `{name}`, with the names users see.
 * Operation files write paths such as `/api/v1/jobs/{jobId}`; `resolvePathIds` fills them in.
 */
const PATH_ID_PARAMETERS: Record<string, string> = {
	jobId: 'Job ID',
	workflowId: 'Workflow',
	templateId: 'Template',
};

const PLACEHOLDER = /\{(\w+)\}/g;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// URL parsers resolve `.` and `..` segments (even percent-encoded), so no encoding makes them safe.
const DOT_SEGMENT = /^\.{1,2}$/;

/** The trimmed value of an ID parameter, or an error naming the field when it cannot be sent. */
export function readIdParameter(context: ParameterContext, name: string): string {
	const label = PATH_ID_PARAMETERS[name] ?? name;
	const id = readOptionalText(context, name);
	const itemIndex = context.getItemIndex?.();
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `The parameter "${label}" is empty`, {
			itemIndex,
			description: `Give the ${label} directly, pick it from the list, or map it from an earlier node, e.g. {{ $json.job_id }}.`,
		});
	}
	if (DOT_SEGMENT.test(id) || CONTROL_CHARACTERS.test(id)) {
		throw new NodeOperationError(context.getNode(), `The parameter "${label}" is not a valid ID: "${id.replace(CONTROL_CHARACTERS, '?')}"`, {
			itemIndex,
			description: `An ${label} cannot be "." or ".." and cannot hold control characters.`,
		});
	}
	return id;
}

/** The trimmed text of an optional parameter (an ID sent in a query or a body), '' when empty. */
export function readOptionalText(context: ParameterContext, name: string): string {
	const raw = context.getNodeParameter(name, '', { extractValue: true });
	return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
}

/** Replaces each `{name}` in a path with the URL-encoded value of that parameter. */
export function resolvePathIds(context: IExecuteSingleFunctions, path: string): string {
	return path.replace(PLACEHOLDER, (_match, name: string) =>
		encodeURIComponent(readIdParameter(context, name)),
	);
}
