import type { IDataObject } from 'n8n-workflow';

/** A parsed JSON output as element objects: a list's entries (a value stands as `{ value }`), or the object itself. */
export function asElements(parsed: unknown): IDataObject[] {
	const elements = Array.isArray(parsed) ? parsed : [parsed];
	return elements.map((element) => (element && typeof element === 'object' ? (element as IDataObject) : { value: element as string }));
}

/** `fields` followed by the `context` fields it lacks: what the API sent always wins. */
export function withContext(fields: IDataObject, context: IDataObject): IDataObject {
	const item = { ...fields };
	for (const [name, value] of Object.entries(context)) {
		if (value !== undefined && !(name in item)) item[name] = value;
	}
	return item;
}
