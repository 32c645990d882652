import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The operation registry: a node's description is built from its resources, each a list of
 * operations, each in one file. From them come the Resource and Operation options, every field's
 * display conditions, the canvas subtitle and the operations each shared ID picker shows for, so
 * none of these is kept by hand (see CONTRIBUTING.md, "Adding an operation").
 */

/** One operation, all in its own file. */
export interface Operation {
	/** Its entry in the Operation list: name, value, action, description and its `routing` (`route()`). */
	option: INodePropertyOptions;
	/**
	 * Its own fields, written without `resource`/`operation` conditions: the registry shows them for
	 * this operation only, keeping any other condition a field has (e.g. `waitForCompletion: [true]`).
	 */
	fields?: INodeProperties[];
	/** The resource's shared ID pickers (by name) this operation reads, e.g. `jobId`. */
	ids?: string[];
	/** What the canvas shows under the node; by default "Get Job", "Get Many Jobs". */
	subtitle?: string;
}

export interface Resource {
	/** The Resource field's value, e.g. `job`. */
	resource: string;
	/** What users read, singular and plural: "Job", "Jobs". */
	label: string;
	plural: string;
	defaultOperation: string;
	/** In the order shown: alphabetical by name. */
	operations: Operation[];
	/**
	 * ID pickers shared by the operations that name them in `ids`: n8n evaluates every property for
	 * each item, twice, so one property per ID costs less than one per operation (see Unstructured/fields/locators.ts).
	 */
	idPickers?: INodeProperties[];
}

/**
 * Adds `show` conditions to each field, as nodes-base's `updateDisplayOptions` does: the field's
 * own conditions stay, the added ones win where both name the same parameter.
 */
export function showOnly(
	show: IDisplayOptions['show'],
	fields: INodeProperties[],
): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...show } },
	}));
}

function operationField(resource: Resource): INodeProperties {
	const defaultOperation = resource.defaultOperation;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.resource] } },
		options: resource.operations.map(({ option }) => option),
		default: defaultOperation,
	};
}

/** The Resource field: one option per resource. */
export function resourceField(resources: Resource[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ label, resource }) => ({ name: label, value: resource })),
		default: defaultResource,
	};
}

/** A resource's properties: its Operation field, its shared ID pickers, then each operation's fields. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const pickers = (resource.idPickers ?? []).map((picker) => {
		const users = resource.operations
			.filter(({ ids = [] }) => ids.includes(picker.name))
			.map(({ option }) => String(option.value));
		return showOnly({ resource: [resource.resource], operation: users.sort() }, [picker])[0];
	});
	return [
		operationField(resource),
		...pickers,
		...resource.operations.flatMap(({ option, fields = [] }) =>
			showOnly({ resource: [resource.resource], operation: [String(option.value)] }, fields),
		),
	];
}

function subtitleOf(resource: Resource, { option, subtitle }: Operation): string {
	if (subtitle) return subtitle;
	return option.name === 'Get Many'
		? `Get Many ${resource.plural}`
		: `${option.name} ${resource.label}`;
}

/** The canvas subtitle of a node with these resources, e.g. "Get Many Jobs". */
export function subtitleExpression(resources: Resource[]): string {
	const map: Record<string, string> = {};
	for (const resource of resources) {
		for (const operation of resource.operations)
			map[`${resource.resource}:${String(operation.option.value)}`] = subtitleOf(
				resource,
				operation,
			);
	}
	return `={{ (${JSON.stringify(map)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
