/**
 * Models of the Unstructured Platform API, as documented in the Python SDK (v0.44.1) and the docs.
 * Enum-typed fields also accept any string: the API has added values before.
 */

export type JobStatus = 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'STOPPED' | 'FAILED';

export type WorkflowJobType = 'ephemeral' | 'persistent' | 'scheduled' | 'template';

export interface NodeFileMetadata {
	node_id: string;
	file_id: string;
	node_type: string;
	node_subtype: string;
	[field: string]: unknown;
}

export interface JobInformation {
	id: string;
	workflow_id: string;
	workflow_name: string;
	status: JobStatus | string;
	created_at: string;
	runtime?: string | null;
	input_file_ids?: string[] | null;
	output_node_files?: NodeFileMetadata[] | null;
	job_type?: WorkflowJobType | string;
	[field: string]: unknown;
}

export function isJob(body: unknown): body is JobInformation {
	return body !== null && typeof body === 'object' && !Array.isArray(body) && 'id' in body;
}

/** A source or destination connector (`SourceConnectorInformation`, `DestinationConnectorInformation`). */
export interface ConnectorInformation {
	id: string;
	name: string;
	type: string;
	config: Record<string, unknown>;
	created_at: string;
	updated_at?: string | null;
	[field: string]: unknown;
}

/** `DagNodeConnectionCheck`: a connection check of a connector, SCHEDULED until SUCCESS or FAILURE. */
export interface ConnectionCheck {
	id: string;
	status: 'SCHEDULED' | 'SUCCESS' | 'FAILURE' | string;
	created_at?: string;
	reason?: string | null;
	reported_at?: string | null;
	[field: string]: unknown;
}

export function isConnectionCheck(body: unknown): body is ConnectionCheck {
	return body !== null && typeof body === 'object' && !Array.isArray(body) && 'status' in body;
}
