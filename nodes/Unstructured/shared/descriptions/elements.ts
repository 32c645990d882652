import type { IDisplayOptions, INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** The "Elements" choice of Output, for the operations that send files and wait (Create, Run). */
export const elementsOutputOption: INodePropertyOptions = {
	name: 'Elements',
	value: 'elements',
	description:
		'With Wait for Completion: one item per document element of each file the job processed (type, element_id, text, metadata), with job_id, file_id and file_name',
};

/** "Elements of Node", shown with Output: Elements. */
export function elementsNodeField(show: IDisplayOptions['show']): INodeProperties {
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
