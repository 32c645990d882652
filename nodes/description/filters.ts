import type { INodeProperties } from 'n8n-workflow';

/** "Filters" of a Get Many operation: a collection of the filters it offers, each sending its own query parameter. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}
