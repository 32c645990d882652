import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { filesOfItem, sentFileName } from '../../input/binaryFiles';
import { sendCreateJob } from './createJob';
import type { SentFiles } from './elements';
import { jobOutputItems } from './output';
import type { JobOutput } from '../fields/jobOutput';

/**
 * Job › Create with "Pack Files Into Jobs": the files of consecutive input items go into jobs of up
 * to "Files per Job" files (Unstructured takes 10 per job, docs/unstructured-api.md §3), so that 300
 * one-file items make 30 jobs: 30 launches at one per second instead of 300, and 30 waits.
 *
 * n8n runs every item's request at once, each in its own context. The first item of each group
 * (its leader) creates the group's job, waits for it, and shares out what it gives: every output is
 * paired with the item its file came from, and the job itself is given to each item. The other
 * items of the group send nothing and take their share; if the job fails, each of them fails with
 * it (one paired error item each with Continue On Fail). An item's files are never split over two
 * jobs. The group's job is defined by its leader's Template or Job Nodes.
 */

interface Group {
	members: number[];
	result: Promise<Map<number, INodeExecutionData[]>>;
	settle: (outcome: { items?: Map<number, INodeExecutionData[]>; error?: unknown }) => void;
}

interface Plan {
	groupOf: Map<number, Group>;
}

/** One plan per run of the node: keyed by its list of input items, which every item's context shares. */
const plans = new WeakMap<INodeExecutionData[], Plan>();

/** Consecutive items with files, in groups of up to `filesPerJob` files; an item's files stay together. */
function groupsOf(counts: number[], filesPerJob: number): number[][] {
	const groups: number[][] = [];
	let current: number[] = [];
	let files = 0;
	counts.forEach((count, item) => {
		if (count === 0) return;
		if (current.length > 0 && files + count > filesPerJob) {
			groups.push(current);
			current = [];
			files = 0;
		}
		current.push(item);
		files += count;
	});
	if (current.length > 0) groups.push(current);
	return groups;
}

function newGroup(members: number[]): Group {
	let settle: Group['settle'] = () => {};
	const result = new Promise<Map<number, INodeExecutionData[]>>((resolve, reject) => {
		settle = ({ items, error }) => (items ? resolve(items) : reject(error));
	});
	// A failed job is taken by each member; none left unhandled if a member never asks.
	result.catch(() => {});
	return { members, result, settle };
}

function planFor(
	context: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	filesPerJob: number,
	limits: FileLimits,
): Plan {
	let plan = plans.get(items);
	if (!plan) {
		const counts = items.map(
			(item) => filesOfItem(context, item, limits.maxFiles, limits.maxBytes).length,
		);
		const groupOf = new Map<number, Group>();
		for (const members of groupsOf(counts, filesPerJob)) {
			const group = newGroup(members);
			for (const member of members) groupOf.set(member, group);
		}
		plan = { groupOf };
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
 * The route's takeover for a packed Job › Create: the leader creates and waits for the group's job;
 * every item of the group returns its own share (none for an item with no file to send).
 */
export async function packedJobItems(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	packed: PackedCreate,
): Promise<INodeExecutionData[]> {
	const { filesPerJob, limits } = packed;
	const items = context.getExecuteData().data.main[0] ?? [];
	const itemIndex = context.getItemIndex();
	const group = planFor(context, items, filesPerJob, limits).groupOf.get(itemIndex);
	if (!group) return [];
	if (group.members[0] === itemIndex) {
		try {
			group.settle({ items: await createGroupJob(context, options, group, items, packed) });
		} catch (error) {
			group.settle({ error });
		}
	}
	return (await group.result).get(itemIndex) ?? [];
}

async function createGroupJob(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	group: Group,
	items: INodeExecutionData[],
	{ limits, requestData, output }: PackedCreate,
): Promise<Map<number, INodeExecutionData[]>> {
	const inputs = group.members.flatMap((member) =>
		filesOfItem(context, items[member], limits.maxFiles, limits.maxBytes).map((input) => ({
			member,
			input,
		})),
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
	const shares = new Map<number, INodeExecutionData[]>(group.members.map((member) => [member, []]));
	for (const item of await jobOutputItems(context, response, output, sent)) {
		const owner = (item.pairedItem as { item: number } | undefined)?.item ?? group.members[0];
		(shares.get(owner) ?? shares.get(group.members[0]))?.push(item);
	}
	return shares;
}
