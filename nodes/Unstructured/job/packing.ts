import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { filesOfItem, sentFileName } from '../../input/binaryFiles';
import type { BinaryInput } from '../../input/binaryFiles';
import { parametersForItem } from '../../input/parameters';
import { sendCreateJob } from './createJob';
import type { SentFiles } from './elements';
import { jobOutputItems } from './output';
import type { JobOutput } from '../fields/jobOutput';

/**
 * Job › Create with "Pack Files Into Jobs" (the default from node version 1.3): the files of items
 * that share one job definition go into jobs of up to "Files per Job" files (Unstructured takes 10
 * per job, docs/unstructured-api.md §3), so that 300 one-file items make 30 jobs: 30 launches at
 * one per second instead of 300, and 30 waits.
 *
 * Items share a job when the node's parameters are the same for them (expressions evaluated for
 * each item: a Template or Job Nodes mapped from the item, an Output, a wait setting): each job runs
 * under one definition, its members' own. An item's files are never split over two jobs; an item
 * without a file to send, or whose expressions fail, is in no group and fails on its own.
 *
 * n8n runs every item's request at once, each in its own context. The first item of a group to get
 * here (its leader) creates the group's job, waits for it, and shares out what it gives: every
 * output is paired with the item its file came from, and the job itself is given to each item. The
 * other items send nothing and take their share; if the job fails, each of them fails with it (one
 * paired error item each with Continue On Fail). Whichever member comes first leads, so a member
 * that failed before getting here (its own check) never holds the others up.
 */

interface Group {
	members: number[];
	started: boolean;
	result: Promise<Map<number, Share>>;
	settle: (outcome: { items?: Map<number, Share>; error?: unknown }) => void;
}

/** What an item of a group gets: its items, or the error of its own files (the others keep theirs). */
type Share = INodeExecutionData[] | Error;

interface Plan {
	groupOf: Map<number, Group>;
	filesOf: Map<number, BinaryInput[]>;
}

/** One plan per run of the node: keyed by its list of input items, which every item's context shares. */
const plans = new WeakMap<INodeExecutionData[], Plan>();

/** What an item brings to the plan: its files, and what its job is (undefined: it goes alone). */
interface Candidate {
	item: number;
	files: number;
	definition?: string;
}

/**
 * Items with files, grouped by definition in input order, in groups of up to `filesPerJob` files;
 * an item's files stay together, and an item without a definition is a group of its own.
 */
function groupsOf(candidates: Candidate[], filesPerJob: number): number[][] {
	const groups: number[][] = [];
	const open = new Map<string, { members: number[]; files: number }>();
	for (const { item, files, definition } of candidates) {
		if (files === 0) continue;
		if (definition === undefined) {
			groups.push([item]);
			continue;
		}
		let current = open.get(definition);
		if (current && current.files + files > filesPerJob) current = undefined;
		if (!current) {
			current = { members: [], files: 0 };
			open.set(definition, current);
			groups.push(current.members);
		}
		current.members.push(item);
		current.files += files;
	}
	return groups;
}

function newGroup(members: number[]): Group {
	let settle: Group['settle'] = () => {};
	const result = new Promise<Map<number, Share>>((resolve, reject) => {
		settle = ({ items, error }) => (items ? resolve(items) : reject(error));
	});
	// A failed job is taken by each member; none left unhandled if a member never asks.
	result.catch(() => {});
	return { members, started: false, result, settle };
}

/**
 * The node's parameters for an item but its input files, as text: items with the same text share a
 * job. A file that could fail the Max File Size check once read (its size unknown beforehand) makes
 * the item go alone, so that its failure cannot take a group's job with it.
 */
function definitionOf(parameters: IDataObject | undefined, sizesKnown: boolean, maxBytes?: number) {
	if (!parameters || (maxBytes !== undefined && !sizesKnown)) return undefined;
	return JSON.stringify({ ...parameters, inputBinaryFields: undefined });
}

function planFor(
	context: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	filesPerJob: number,
	limits: FileLimits,
): Plan {
	let plan = plans.get(items);
	if (!plan) {
		const filesOf = new Map<number, BinaryInput[]>();
		const candidates = items.map((item, index): Candidate => {
			const parameters = parametersForItem(context, index);
			const { files, sizesKnown } = filesOfItem(
				item,
				parameters?.inputBinaryFields,
				limits.maxFiles,
				limits.maxBytes,
			);
			filesOf.set(index, files);
			return {
				item: index,
				files: files.length,
				definition: definitionOf(parameters, sizesKnown, limits.maxBytes),
			};
		});
		const groupOf = new Map<number, Group>();
		for (const members of groupsOf(candidates, filesPerJob)) {
			const group = newGroup(members);
			for (const member of members) groupOf.set(member, group);
		}
		plan = { groupOf, filesOf };
		plans.set(items, plan);
	}
	return plan;
}

/** What an item's files must keep to to be sent: the item fails on its own otherwise, and sends nothing. */
export interface FileLimits {
	maxFiles: number;
	maxBytes?: number;
}

/** How a packed Job › Create is set: its groups' size, which files may go, each job's definition and the Output. */
export interface PackedCreate {
	filesPerJob: number;
	limits: FileLimits;
	requestData: () => IDataObject;
	output: JobOutput;
}

/**
 * The route's takeover for a packed Job › Create: the group's first item to come creates and waits
 * for the group's job; every item of the group returns its own share (none for an item with no
 * file to send).
 */
export async function packedJobItems(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	packed: PackedCreate,
): Promise<INodeExecutionData[]> {
	const { filesPerJob, limits } = packed;
	const items = context.getExecuteData().data.main[0] ?? [];
	const itemIndex = context.getItemIndex();
	const plan = planFor(context, items, filesPerJob, limits);
	const group = plan.groupOf.get(itemIndex);
	if (!group) return [];
	if (!group.started) {
		group.started = true;
		try {
			group.settle({ items: await createGroupJob(context, options, group, plan, packed) });
		} catch (error) {
			group.settle({ error });
		}
	}
	const share = (await group.result).get(itemIndex) ?? [];
	if (share instanceof Error) throw share;
	return share;
}

async function createGroupJob(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	group: Group,
	plan: Plan,
	{ requestData, output }: PackedCreate,
): Promise<Map<number, Share>> {
	const inputs = group.members.flatMap((member) =>
		(plan.filesOf.get(member) ?? []).map((input) => ({ member, input })),
	);
	const sent: SentFiles = {
		names: inputs.map(({ input }) => sentFileName(input)),
		owners: inputs.map(({ member }) => member),
	};
	const response = await sendCreateJob(
		context,
		options,
		inputs.map(({ input }) => input),
		requestData,
	);
	const shares = new Map<number, Share>(group.members.map((member) => [member, []]));
	const leader = context.getItemIndex();
	for (const item of await jobOutputItems(context, response, output, sent)) {
		const paired = (item.pairedItem as { item: number } | undefined)?.item ?? leader;
		const owner = shares.has(paired) ? paired : leader;
		const share = shares.get(owner);
		if (item.error) shares.set(owner, item.error);
		else if (Array.isArray(share)) share.push(item);
	}
	return shares;
}
