import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * One operation of a resource, all in its own file: its entry in the resource's Operation list
 * (name, action, description and its `routing`, built with `route()`), and its own fields, each
 * shown only for it. A resource's `index.ts` only lists its operations.
 */
export interface Operation {
	option: INodePropertyOptions;
	fields?: INodeProperties[];
}

/** The resource's Operation property, listing its operations (in the order given: alphabetical). */
export function operationField(resource: string, defaultOperation: string, operations: Operation[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map(({ option }) => option),
		default: defaultOperation,
	};
}

/** Every operation's own fields, in the order of the operations. */
export function operationFields(operations: Operation[]): INodeProperties[] {
	return operations.flatMap(({ fields = [] }) => fields);
}
