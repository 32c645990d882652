import type { INodePropertyRouting } from 'n8n-workflow';

/**
 * A parameter that maps one-to-one onto a query parameter or a body field declares it with
 * `...sendAs('query', 'workflow_id')`, so the request can be read from the description. The route
 * trims what is sent and leaves out what is empty (http/route.ts).
 */
export function sendAs(
	type: 'query' | 'body',
	property: string,
): { routing: INodePropertyRouting } {
	return { routing: { send: { type, property, propertyInDotNotation: false } } };
}
