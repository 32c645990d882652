import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { readIdParameter } from '../../input/parameters';
import type { ConnectorKind } from '../api/paths';
import { listOrIdLocator } from './locators';

/**
 * What differs between sources and destinations: their names, their ID parameter and picker, the
 * types Unstructured documents (docs/unstructured-api.md §7) and a valid configuration to start from.
 */
export interface ConnectorKindInfo {
	kind: ConnectorKind;
	/** "Source" */
	label: string;
	/** The ID parameter, e.g. `sourceId`, and the field the outputs carry it in, e.g. `source_id`. */
	idName: 'sourceId' | 'destinationId';
	idField: 'source_id' | 'destination_id';
	/** The list's type filter, e.g. `source_type`. */
	typeQuery: 'source_type' | 'destination_type';
	searchMethod: 'searchSources' | 'searchDestinations';
	types: string[];
	exampleConfig: string;
}

const SOURCE_TYPES = [
	'azure',
	'box',
	'confluence',
	'couchbase',
	'databricks_volumes',
	'dropbox',
	'elasticsearch',
	'gcs',
	'google_drive',
	'jira',
	'kafka-cloud',
	'mongodb',
	'onedrive',
	'opensearch',
	'outlook',
	'postgres',
	's3',
	'salesforce',
	'sharepoint',
	'slack',
	'snowflake',
	'zendesk',
];

const DESTINATION_TYPES = [
	'astradb',
	'azure',
	'azure_ai_search',
	'couchbase',
	'databricks_volume_delta_tables',
	'databricks_volumes',
	'delta_table',
	'elasticsearch',
	'gcs',
	'ibm_watsonx_s3',
	'kafka-cloud',
	'milvus',
	'mongodb',
	'motherduck',
	'neo4j',
	'onedrive',
	'opensearch',
	'pinecone',
	'postgres',
	'qdrant-cloud',
	'redis',
	's3',
	'snowflake',
	'weaviate-cloud',
];

export const CONNECTOR_KINDS: Record<ConnectorKind, ConnectorKindInfo> = {
	source: {
		kind: 'source',
		label: 'Source',
		idName: 'sourceId',
		idField: 'source_id',
		typeQuery: 'source_type',
		searchMethod: 'searchSources',
		types: SOURCE_TYPES,
		exampleConfig: `{
  "remote_url": "s3://my-bucket/input/",
  "key": "<AWS access key ID>",
  "secret": "<AWS secret access key>",
  "recursive": true
}`,
	},
	destination: {
		kind: 'destination',
		label: 'Destination',
		idName: 'destinationId',
		idField: 'destination_id',
		typeQuery: 'destination_type',
		searchMethod: 'searchDestinations',
		types: DESTINATION_TYPES,
		exampleConfig: `{
  "api_key": "<Pinecone API key>",
  "index_name": "documents",
  "namespace": "default",
  "batch_size": 50
}`,
	},
};

/** The connector types as options, with "Other" for a type Unstructured adds later (the enums are open). */
export function connectorTypeOptions({ types }: ConnectorKindInfo): INodePropertyOptions[] {
	return [
		...types.map((type) => ({ name: type, value: type })),
		{ name: 'Other (by Value)', value: 'other' },
	];
}

/** The source or destination picker: From List (searchable by name) or By ID. */
export function connectorLocator({
	label,
	idName,
	searchMethod,
}: ConnectorKindInfo): INodeProperties {
	return listOrIdLocator({
		displayName: label,
		name: idName,
		description: `A ${label.toLowerCase()} connector of the account`,
		searchListMethod: searchMethod,
		listPlaceholder: `Select a ${label.toLowerCase()}...`,
		idPlaceholder: 'e.g. 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
	});
}

/** What a 404 means for a connector, naming it. */
export function connectorNotFound({ label, idName }: ConnectorKindInfo) {
	return (context: IExecuteSingleFunctions) =>
		`The Unstructured API found no ${label.toLowerCase()} with ID "${readIdParameter(context, idName)}"`;
}
