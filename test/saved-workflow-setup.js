'use strict';
/**
 * The nodes of the saved-workflow test (test/saved-workflow.test.js, fixtures/saved-0.1.0.json) and
 * the mock's state they run against: fixed IDs, so that the requests recorded from the release
 * and those of the current build can be compared.
 */
const JOB = '0b8f6a52-3c1d-4e7f-9a2b-5c6d7e8f9a01';
const RUNNING_JOB = '4fcd0e96-7051-42b3-9e6f-9a0b1c2d3e45';
const WORKFLOW = '1c9a7b63-4d2e-4f80-8b3c-6d7e8f9a0b12';
const SOURCE = '2dab8c74-5e3f-4091-9c4d-7e8f9a0b1c23';
const DESTINATION = '3ebc9d85-6f40-41a2-8d5e-8f9a0b1c2d34';
const NODE = '5ade1fa7-8162-43c4-8f70-0b1c2d3e4f56';
const byId = (value) => ({ __rl: true, mode: 'id', value });
const file = {
	json: {},
	binary: {
		data: {
			data: Buffer.from('# Title\n\nSome text.\n').toString('base64'),
			mimeType: 'text/markdown',
			fileName: 'notes.md',
		},
	},
};

const savedWorkflowSetup = {
	prepare(mock) {
		mock.addJob({
			id: JOB,
			workflow_id: WORKFLOW,
			status: 'COMPLETED',
			output_node_files: [
				{ node_id: NODE, file_id: 'f1', node_type: 'partition', node_subtype: 'unstructured_api' },
			],
		});
		mock.setOutput(JOB, {
			fileId: 'f1',
			nodeId: NODE,
			body: [{ type: 'Title', text: 'Title', element_id: 'e1', metadata: {} }],
		});
		mock.setDetails(JOB, {
			id: JOB,
			processing_status: 'SUCCESS',
			node_stats: [{ node_name: 'Partitioner', node_type: 'partition', success: 1 }],
		});
		mock.setFailedFiles(JOB, [{ document: 'broken.pdf', error: 'Unreadable' }]);
		mock.addJob({ id: RUNNING_JOB, status: 'IN_PROGRESS' });
		mock.addWorkflow({ id: WORKFLOW, name: 'Invoices', sources: [SOURCE] });
		mock.addConnector('source', { name: 'Warehouse', type: 'teradata' });
		mock.addConnector('source', { id: SOURCE, name: 'Inbox' });
		mock.addConnector('destination', { id: DESTINATION, name: 'Index' });
	},
	nodes: [
		{
			name: 'Job Get',
			typeVersion: 1.2,
			parameters: { resource: 'job', operation: 'get', jobId: byId(JOB), output: 'job' },
		},
		{
			name: 'Job Get Files v1',
			typeVersion: 1,
			parameters: { resource: 'job', operation: 'get', jobId: byId(JOB) },
		},
		{
			name: 'Job Get Many',
			typeVersion: 1.2,
			parameters: {
				resource: 'job',
				operation: 'getAll',
				limit: 5,
				filters: { status: 'COMPLETED', workflowId: byId(` ${WORKFLOW} `) },
			},
		},
		{
			name: 'Job Details',
			typeVersion: 1.2,
			parameters: {
				resource: 'job',
				operation: 'getDetails',
				jobId: byId(JOB),
				output: 'nodeStats',
			},
		},
		{
			name: 'Job Failed Files',
			typeVersion: 1.2,
			parameters: { resource: 'job', operation: 'getFailedFiles', jobId: byId(JOB) },
		},
		{
			name: 'Job Cancel',
			typeVersion: 1.2,
			parameters: { resource: 'job', operation: 'cancel', jobId: byId(RUNNING_JOB) },
		},
		{
			name: 'Job Download',
			typeVersion: 1.2,
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(JOB),
				fileId: 'f1',
				nodeId: NODE,
				putOutputIn: 'json',
			},
		},
		{
			name: 'Job Create v1',
			typeVersion: 1,
			items: [file],
			parameters: {
				resource: 'job',
				operation: 'create',
				templateId: byId('hi_res_partition'),
				waitForCompletion: false,
			},
		},
		{
			name: 'Job Create',
			typeVersion: 1.2,
			items: [file],
			parameters: {
				resource: 'job',
				operation: 'create',
				jobDefinition: 'jobNodes',
				jobNodes:
					'[{"name":"P","type":"partition","subtype":"unstructured_api","settings":{"strategy":"fast"}}]',
				waitForCompletion: false,
			},
		},
		{
			name: 'Workflow Get',
			typeVersion: 1.2,
			parameters: { resource: 'workflow', operation: 'get', workflowId: byId(WORKFLOW) },
		},
		{
			name: 'Workflow Get Many',
			typeVersion: 1.2,
			parameters: {
				resource: 'workflow',
				operation: 'getAll',
				filters: { name: 'Inv', status: 'active', sourceId: SOURCE },
				sort: { sortBy: 'name', sortDirection: 'desc' },
			},
		},
		{
			name: 'Workflow Create',
			typeVersion: 1.2,
			parameters: {
				resource: 'workflow',
				operation: 'create',
				name: ' Invoices 2 ',
				sourceId: byId(SOURCE),
				destinationId: byId(DESTINATION),
				schedule: 'daily',
				reprocessAll: false,
			},
		},
		{
			name: 'Workflow Create Template',
			typeVersion: 1.2,
			parameters: {
				resource: 'workflow',
				operation: 'create',
				name: 'From template',
				workflowType: 'template',
				templateId: byId('hi_res_partition'),
			},
		},
		{
			name: 'Workflow Update',
			typeVersion: 1.2,
			parameters: {
				resource: 'workflow',
				operation: 'update',
				workflowId: byId(WORKFLOW),
				updateFields: {
					name: 'Renamed',
					sourceId: byId(SOURCE),
					reprocessAll: true,
					workflowType: 'other',
					otherWorkflowType: 'auto',
				},
			},
		},
		{
			name: 'Workflow Run',
			typeVersion: 1.2,
			parameters: {
				resource: 'workflow',
				operation: 'run',
				workflowId: byId(WORKFLOW),
				waitForCompletion: false,
			},
		},
		{
			name: 'Workflow Delete',
			typeVersion: 1.2,
			parameters: { resource: 'workflow', operation: 'delete', workflowId: byId(WORKFLOW) },
		},
		{
			name: 'Template Get',
			typeVersion: 1.2,
			parameters: { resource: 'template', operation: 'get', templateId: byId('hi_res_partition') },
		},
		{
			name: 'Template Get Many',
			typeVersion: 1.2,
			parameters: { resource: 'template', operation: 'getAll', returnAll: true },
		},
		{
			name: 'Source Create',
			typeVersion: 1.2,
			parameters: {
				resource: 'source',
				operation: 'create',
				name: 'Bucket',
				connectorType: 's3',
				config: '{"remote_url":"s3://b/","key":"k","secret":"s"}',
			},
		},
		{
			name: 'Source Get Many',
			typeVersion: 1.2,
			parameters: {
				resource: 'source',
				operation: 'getAll',
				filters: { connectorType: 'other', otherConnectorType: 'teradata' },
			},
		},
		{
			name: 'Source Update',
			typeVersion: 1.2,
			parameters: {
				resource: 'source',
				operation: 'update',
				sourceId: byId(SOURCE),
				config: '{"remote_url":"s3://c/"}',
			},
		},
		{
			name: 'Destination Get',
			typeVersion: 1.2,
			parameters: { resource: 'destination', operation: 'get', destinationId: byId(DESTINATION) },
		},
		{
			name: 'Destination Delete',
			typeVersion: 1.2,
			parameters: {
				resource: 'destination',
				operation: 'delete',
				destinationId: byId(DESTINATION),
			},
		},
	],
};

/** A request as it went on the wire, without what differs from run to run (multipart boundary, headers). */
function canonicalRequest({ method, path, query, headers, body }) {
	const type = String(headers['content-type'] ?? '');
	let sent = body.length === 0 ? null : body.toString('utf8');
	if (type.startsWith('application/json') && sent) sent = JSON.parse(sent);
	else if (type.startsWith('multipart/form-data') && sent) {
		const boundary = /boundary=(.+)$/.exec(type)[1];
		sent = sent
			.split(`--${boundary}`)
			.slice(1, -1)
			.map((part) => {
				const [head, ...rest] = part.split('\r\n\r\n');
				const content = rest.join('\r\n\r\n').replace(/\r\n$/, '');
				const name = /name="([^"]*)"/.exec(head)?.[1];
				const fileName = /filename="([^"]*)"/.exec(head)?.[1];
				return fileName
					? { name, fileName, bytes: Buffer.byteLength(content) }
					: { name, json: JSON.parse(content) };
			});
	}
	return { method, path, query, body: sent };
}

module.exports = { savedWorkflowSetup, canonicalRequest };
