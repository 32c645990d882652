import type { IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

/** "Elements of Node", shown with Output: Elements. */
export function elementsNodeField(show: IDisplayOptions['show'] = {}): INodeProperties {
	return {
		displayName: 'Elements of Node',
		name: 'elementsNode',
		type: 'string',
		default: '',
		placeholder: 'e.g. chunk',
		displayOptions: { show: { ...show, output: ['elements'] } },
		description:
			'Empty: the output of the last node of the job. For a job with several outputs: the node whose output to get, by its ID, type (e.g. chunk) or subtype.',
	};
}

/** From version 1.2, failed files stay out of the elements (a text-less item breaks a vector-store chain). */
export function defaultFailedFilesOutput(
	context: IExecuteSingleFunctions,
): 'errorItems' | 'lastItem' {
	return context.getNode().typeVersion >= 1.2 ? 'lastItem' : 'errorItems';
}

const failedFilesChoice: INodeProperties = {
	displayName: 'Failed Files',
	name: 'failedFiles',
	type: 'options',
	default: 'lastItem',
	options: [
		{
			name: 'Leave Out, Listed on the Last Item',
			value: 'lastItem',
			description:
				'Only elements with text are output; the last one gets failed_files, each with file_name and error',
		},
		{
			name: 'One Error Item Each',
			value: 'errorItems',
			description:
				'An item per failed file among the elements, with file_name and error but no text',
		},
	],
	description:
		'With "Fail When the Job or a File Fails" off: what becomes of the files that failed',
};

/** "Failed Files", shown with Output: Elements; its default depends on the node version (saved nodes keep theirs). */
export function failedFilesFields(show: IDisplayOptions['show'] = {}): INodeProperties[] {
	const withElements = { ...show, output: ['elements'] };
	return [
		{
			...failedFilesChoice,
			default: 'errorItems',
			displayOptions: { show: { ...withElements, '@version': [1, 1.1] } },
		},
		{
			...failedFilesChoice,
			default: 'lastItem',
			displayOptions: { show: { ...withElements, '@version': [{ _cnd: { gte: 1.2 } }] } },
		},
	];
}
