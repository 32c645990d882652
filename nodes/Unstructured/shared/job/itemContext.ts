import type { IDataObject } from 'n8n-workflow';

/** `fields` followed by the `context` fields it lacks: what the API sent always wins. */
export function withContext(fields: IDataObject, context: IDataObject): IDataObject {
	const item = { ...fields };
	for (const [name, value] of Object.entries(context)) {
		if (value !== undefined && !(name in item)) item[name] = value;
	}
	return item;
}
