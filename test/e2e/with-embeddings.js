'use strict';
/**
 * What the RAG e2e specs share: for the spec file, a mock API, the deterministic embeddings stub and a
 * real n8n with two credentials, the API's (`credential`, its data given the started mock) and
 * "Ollama account" pointing at the stub; all stopped at the end.
 */
const { before, after } = require('node:test');

const { EmbeddingsStub } = require('../../support/embeddings-stub');
const { N8nInstance } = require('../../support/n8n');

/** @param {{ start(): Promise<unknown>, stop(): Promise<unknown> }} mock @param {(mock: any) => object} credential */
function useN8nWithEmbeddings(mock, credential) {
	const context = {
		n8n: /** @type {N8nInstance | undefined} */ (undefined),
		stub: new EmbeddingsStub(),
	};
	before(async () => {
		await mock.start();
		await context.stub.start();
		context.n8n = await new N8nInstance().init();
		await context.n8n.importJson('credentials', 'credentials', [
			credential(mock),
			{
				id: 'ollama-example',
				name: 'Ollama account',
				type: 'ollamaApi',
				data: { baseUrl: context.stub.url },
			},
		]);
	});
	after(async () => {
		await context.n8n?.stop();
		context.n8n?.cleanUp();
		await context.stub.stop();
		await mock.stop();
	});
	return context;
}

module.exports = { useN8nWithEmbeddings };
