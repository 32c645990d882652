'use strict';
/**
 * `npm run demo:check`: the demo, headless, in a fresh n8n (the version `npm run demo` runs), and
 * every Demo workflow run through n8n as a user starts it:
 * - a manual trigger: `n8n execute`;
 * - a schedule: published with its rule set to every 10 s; its first run counts, then it is
 *   switched off;
 * - a form: the workflow is published and its form submitted over HTTP, with a bundled sample file
 *   (examples/files) or a question, in the order the workflow's forms are meant to be used;
 * - the Unstructured Trigger: published; its events (demo jobs finishing) come from the jobs the
 *   schedule and the forms create.
 * Prints each run's result and the items of its last node, and exits 1 if any run failed, gave no
 * items, or did not happen. Everything it starts it stops, by PID; its n8n folder is removed.
 */
const fs = require('node:fs');
const path = require('node:path');

const { N8nInstance } = require('../support/n8n');
const { SAMPLE_FILES, importDemo, startDemoApis } = require('./demo');

const say = (text) => process.stdout.write(`[demo:check] ${text}\n`);
const QUESTION = 'What happened to shipping costs?';
const RUN_TIMEOUT_MS = 120_000;

const triggerOf = (workflow) =>
	workflow.nodes.filter((node) =>
		/(manualTrigger|scheduleTrigger|formTrigger|unstructuredTrigger)$/.test(node.type),
	);
const isExecutable = (workflow) =>
	triggerOf(workflow).some((node) => node.type.endsWith('manualTrigger'));
const SCHEDULE_FOR_CHECK = { interval: [{ field: 'seconds', secondsInterval: 10 }] };

/** The items the last node of a run gave, and the run's error, from n8n's run data. */
function outcome(resultData) {
	const last = resultData?.lastNodeExecuted;
	const runs = last ? resultData.runData?.[last] : undefined;
	const items = runs?.[runs.length - 1]?.data?.main?.[0]?.length ?? 0;
	return { last, items, error: resultData?.error?.message };
}

/** A bundled file for a form's file field: the invoice for the invoice form, the report otherwise. */
function sampleFor(formNode) {
	const name = /invoice/i.test(formNode.parameters.formTitle ?? '') ? 'invoice.txt' : 'report.md';
	const type = name.endsWith('.md') ? 'text/markdown' : 'text/plain';
	return { name, blob: new Blob([fs.readFileSync(path.join(SAMPLE_FILES, name))], { type }) };
}

async function submitForm(n8n, formNode) {
	const form = new FormData();
	const field = formNode.parameters.formFields.values[0];
	let sent;
	if (field.fieldType === 'file') {
		const { name, blob } = sampleFor(formNode);
		form.append('field-0', blob, name);
		sent = name;
	} else {
		form.append('field-0', QUESTION);
		sent = `"${QUESTION}"`;
	}
	// Right after start, n8n answers 404 until it has registered the published workflows' forms.
	let response;
	for (const deadline = Date.now() + 30_000; ;) {
		response = await fetch(`${n8n.baseUrl}/form/${formNode.webhookId}`, {
			method: 'POST',
			body: form,
		});
		if (response.status !== 404 || Date.now() > deadline) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (response.status !== 200)
		throw new Error(`the form answered ${response.status}: ${await response.text()}`);
	return sent;
}

const isFinished = (execution) => !['new', 'running', 'waiting'].includes(execution.status);

/** The workflow's executions (newest first) once `ready` says so of them, or when the time is up. */
async function executionsWhen(n8n, workflowId, ready) {
	const deadline = Date.now() + RUN_TIMEOUT_MS;
	for (;;) {
		const list = await n8n.executions(workflowId);
		if (ready(list) || Date.now() > deadline) return list;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** The workflow's executions once there are at least `count` and none is still running. */
async function finishedExecutions(n8n, workflowId, count) {
	return await executionsWhen(
		n8n,
		workflowId,
		(list) => list.length >= count && list.every(isFinished),
	);
}

/** The workflow's first execution to finish, while later ones may still run (a schedule's). */
async function firstFinishedExecution(n8n, workflowId) {
	const list = await executionsWhen(n8n, workflowId, (executions) => executions.some(isFinished));
	return list.filter(isFinished).at(-1);
}

async function main() {
	const started = Date.now();
	const results = [];
	/** @param {any} workflow @param {string} how @param {{ status: string, last?: string, items: number, error?: string }} run */
	const record = (workflow, how, { status, last, items, error }) => {
		const ok = status === 'success' && items > 0;
		results.push({ ok });
		say(
			`${ok ? 'ok  ' : 'FAIL'} ${workflow.name}\n             ${how}: ${status}, ${items} item${items === 1 ? '' : 's'} from "${last ?? 'no node'}"${error ? ` (${error})` : ''}`,
		);
	};

	say('starting the demo APIs and a fresh n8n');
	const apis = await startDemoApis();
	const n8n = await new N8nInstance().init();
	try {
		const { workflows } = await importDemo((args) => n8n.cli(args), apis, {
			workDir: n8n.root,
			filesDir: n8n.filesDir,
			reset: true,
			// A nightly schedule fires every 10 seconds here, so that the check sees it run.
			adjust: (workflow) => {
				for (const node of workflow.nodes)
					if (node.type.endsWith('scheduleTrigger')) node.parameters.rule = SCHEDULE_FOR_CHECK;
				return workflow;
			},
		});
		say(`${workflows.length} Demo workflows imported`);

		for (const workflow of workflows.filter(isExecutable)) {
			const trigger = triggerOf(workflow)[0];
			const result = await n8n.execute(workflow.id);
			const resultData = result.run?.data?.resultData;
			record(workflow, `${trigger.name} (n8n execute)`, {
				status: result.status === 0 && !resultData?.error ? 'success' : 'error',
				...outcome(resultData),
				error: result.run ? outcome(resultData).error : `${result.stdout}${result.stderr}`.trim(),
			});
		}

		const published = workflows.filter((workflow) => !isExecutable(workflow));
		for (const workflow of published) {
			const result = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
			if (result.status !== 0)
				throw new Error(`publishing ${workflow.name} failed: ${result.stdout}${result.stderr}`);
		}
		await n8n.start();
		await n8n.login();

		const byTrigger = (kind) =>
			published.filter((workflow) => triggerOf(workflow).some((node) => node.type.endsWith(kind)));

		// The schedule's first run; then it is switched off, so that its runs (each a job) do not go on.
		for (const workflow of byTrigger('scheduleTrigger')) {
			const first = await firstFinishedExecution(n8n, workflow.id);
			const off = await n8n.rest('POST', `/rest/workflows/${workflow.id}/deactivate`, {});
			if (off.status !== 200) throw new Error(`switching ${workflow.name} off: ${off.text}`);
			const run = first ? await n8n.executionRun(first.id) : undefined;
			record(workflow, `${triggerOf(workflow)[0].name} (published, its rule set to every 10 s)`, {
				status: first?.status ?? 'no execution',
				...outcome(run?.resultData),
			});
		}

		for (const workflow of byTrigger('formTrigger')) {
			const forms = triggerOf(workflow).filter((node) => node.type.endsWith('formTrigger'));
			// The document form before the question form: a question needs a filled store.
			forms.sort(
				(a, b) =>
					Number(b.parameters.formFields.values[0].fieldType === 'file') -
					Number(a.parameters.formFields.values[0].fieldType === 'file'),
			);
			for (const [index, form] of forms.entries()) {
				const sent = await submitForm(n8n, form);
				const [newest] = await finishedExecutions(n8n, workflow.id, index + 1);
				const run = newest ? await n8n.executionRun(newest.id) : undefined;
				record(workflow, `${form.name} (submitted ${sent})`, {
					status: newest?.status ?? 'no execution',
					...outcome(run?.resultData),
				});
			}
		}

		// Every run of the trigger: one per job that finished since it was published.
		for (const workflow of byTrigger('unstructuredTrigger')) {
			const how = `${triggerOf(workflow)[0].name} (published; a demo job finished)`;
			const list = await finishedExecutions(n8n, workflow.id, 1);
			if (list.length === 0) record(workflow, how, { status: 'no execution', items: 0 });
			for (const execution of list) {
				const run = await n8n.executionRun(execution.id);
				record(workflow, how, { status: execution.status, ...outcome(run.resultData) });
			}
		}
	} finally {
		await n8n.stop();
		n8n.cleanUp();
		await apis.stop();
	}
	const failed = results.filter((result) => !result.ok).length;
	say(
		`${results.length - failed} of ${results.length} runs green with items, in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
