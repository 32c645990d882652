import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ParameterContext } from '../../input/parameters';

/**
 * The job-output contract: what an operation or trigger that ends with a job can give, written
 * once. Every job operation declares its Output with `jobOutput(...)` and reads the user's choice
 * back with the same object, so the field's default and the reader's cannot drift apart.
 */
export type JobOutputChoice = 'job' | 'outputFiles' | 'elements';

const CHOICES: Record<JobOutputChoice, INodePropertyOptions> = {
	job: {
		name: 'Job',
		value: 'job',
		description: 'One item: the job, as the API returns it, with job_id',
	},
	outputFiles: {
		name: 'Output Files',
		value: 'outputFiles',
		description:
			'One item per output file of the job, with the job ID, workflow and status on each, ready for Job › Download Output',
	},
	elements: {
		name: 'Elements',
		value: 'elements',
		description:
			'One item per document element (text, type, metadata) of each file, with its file and job',
	},
};

export interface JobOutputSpec {
	/** The default, as released: saved workflows store no default, so it must never change. */
	default: JobOutputChoice;
	/** The choices offered, in the order shown. */
	choices: JobOutputChoice[];
	/** A sentence added to a choice's description where this operation needs one. */
	notes?: Partial<Record<JobOutputChoice, string>>;
	hint?: string;
	/** What an item gives while the field is hidden (Run and Create without waiting: the job). Default: `default`. */
	whenHidden?: JobOutputChoice;
}

export interface JobOutput {
	spec: JobOutputSpec;
	/** The Output field, shown where `show` says (none: always, as inside a trigger). */
	field(show?: IDisplayOptions['show']): INodeProperties;
	/** The choice of this item (or trigger); `whenHidden` when the field is not shown. */
	read(context: ParameterContext): JobOutputChoice;
}

export function jobOutput(spec: JobOutputSpec): JobOutput {
	const options = spec.choices.map((choice) => {
		const note = spec.notes?.[choice];
		return note
			? { ...CHOICES[choice], description: `${CHOICES[choice].description}. ${note}` }
			: CHOICES[choice];
	});
	const defaultChoice = spec.default;
	return {
		spec,
		field: (show) => ({
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: defaultChoice,
			options,
			...(show ? { displayOptions: { show } } : {}),
			...(spec.hint ? { hint: spec.hint } : {}),
		}),
		read: (context) => {
			const value = context.getNodeParameter('output', null) as JobOutputChoice | null;
			if (value === null) return spec.whenHidden ?? spec.default;
			return spec.choices.includes(value) ? value : spec.default;
		},
	};
}
