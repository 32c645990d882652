import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** "Return All" and "Limit" (default 50), for the Get Many operations. */
export function returnAllAndLimit(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			...(Object.keys(show ?? {}).length > 0 ? { displayOptions: { show } } : {}),
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}
