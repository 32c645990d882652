'use strict';
/**
 * Both ways users install the package give the same node: n8n's community-package installer (the
 * package unpacked into .n8n/nodes/node_modules) and the manual path of Docker images and queue
 * mode (`npm i <package>` in .n8n/nodes). Had npm installed its own n8n-workflow beside the package,
 * n8n-core's `instanceof NodeApiError` would fail and every error would lose its HTTP code.
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockUnstructuredApi } = require('../../support/mock-api');
const { N8nInstance } = require('../../support/n8n');

const API_KEY = 'e2e-install-key-7a0b3c';
const mock = new MockUnstructuredApi({ apiKey: API_KEY });

before(() => mock.start());
after(() => mock.stop());

/** The webhook → Job › Get workflow, with retries off so that one answer is the result. */
function webhookWorkflow() {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(__dirname, 'fixtures', 'webhook-job-get.json'), 'utf8'),
	);
	workflow.nodes.find((node) => node.name === 'Unstructured').parameters.retryOptions = {
		retry: false,
	};
	return workflow;
}

for (const install of ['installer', 'npm']) {
	describe(`installed the ${install === 'npm' ? '`npm i` way (in .n8n/nodes)' : "community-package installer's way"}`, () => {
		let n8n;

		before(async () => {
			n8n = await new N8nInstance({ install }).init();
			await n8n.importJson('credentials', 'credentials', [
				{
					id: 'unstructured-example',
					name: 'Unstructured account',
					type: 'unstructuredApi',
					data: { apiUrl: mock.url, apiKey: API_KEY },
				},
			]);
			await n8n.importJson('workflow', 'webhook', webhookWorkflow());
			const published = await n8n.cli(['publish:workflow', '--id=unstructuredWebhook01']);
			assert.equal(published.status, 0, published.stdout + published.stderr);
			await n8n.start();
			await n8n.login();
		});

		after(async () => {
			await n8n?.stop();
			n8n?.cleanUp();
		});

		/** Calls the webhook for `jobId` and returns the error of the execution it started. */
		async function executionError(jobId) {
			const before = (await n8n.executions()).length;
			// Right after start, n8n may answer 404 until it has registered the published webhooks.
			for (
				const deadline = Date.now() + 30_000;
				Date.now() < deadline;
				await new Promise((resolve) => setTimeout(resolve, 500))
			) {
				const response = await fetch(`${n8n.baseUrl}/webhook/unstructured-job-files`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ job_id: jobId }),
				});
				if (response.status !== 404) break;
			}
			const deadline = Date.now() + 20_000;
			let list = [];
			while (Date.now() < deadline) {
				list = await n8n.executions();
				if (list.length > before && !['new', 'running'].includes(list[0].status)) break;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			const newest = list.sort((a, b) => Number(b.id) - Number(a.id))[0];
			return (await n8n.executionRun(newest.id)).resultData.error;
		}

		if (install === 'npm') {
			it('npm installed the package alone, without a copy of n8n-workflow', () => {
				const installed = fs.readdirSync(
					path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules'),
				);
				assert.deepEqual(
					installed.filter((name) => !name.startsWith('.')),
					['n8n-nodes-unstructured'],
				);
			});
		}

		it("a 502 keeps its HTTP code and the API's detail", async () => {
			const job = mock.addJob();
			mock.setResponse({
				path: `/api/v1/jobs/${job.id}`,
				status: 502,
				body: { detail: 'Upstream connect error' },
			});
			const error = await executionError(job.id);
			assert.equal(error.name, 'NodeApiError');
			assert.equal(error.httpCode, '502');
			assert.equal(
				error.message,
				'The Unstructured API had a server error (502): Upstream connect error',
			);
		});

		it("a 401 keeps its HTTP code and the API's detail", async () => {
			const job = mock.addJob();
			mock.apiKey = 'another-key-entirely';
			try {
				const error = await executionError(job.id);
				assert.equal(error.httpCode, '401');
				assert.equal(
					error.message,
					'The Unstructured API rejected the API key (401): API key is invalid, please provide a valid API key in the header.',
				);
				assert.ok(!JSON.stringify(error).includes(API_KEY));
			} finally {
				mock.apiKey = API_KEY;
			}
		});
	});
}
