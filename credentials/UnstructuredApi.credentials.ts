import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { API_BASE_URL_EXPRESSION } from '../nodes/Unstructured/shared/apiUrl';

export class UnstructuredApi implements ICredentialType {
	name = 'unstructuredApi';

	displayName = 'Unstructured API';

	icon = {
		light: 'file:../nodes/Unstructured/unstructured.svg',
		dark: 'file:../nodes/Unstructured/unstructured.dark.svg',
	} as const;

	documentationUrl = 'https://docs.unstructured.io/api-reference/overview';

	properties: INodeProperties[] = [
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: 'https://platform.unstructuredapp.io',
			required: true,
			placeholder: 'https://platform.unstructuredapp.io',
			description:
				'The API URL of your Unstructured account, as shown in the Unstructured UI under API Keys. A trailing slash or a trailing /api/v1 is fine.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API key of your Unstructured workspace, from API Keys in the Unstructured UI',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'unstructured-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: API_BASE_URL_EXPRESSION,
			url: '/api/v1/workflows/',
			qs: { page: 1, page_size: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The API key was rejected. Copy a current key from API Keys in the Unstructured UI.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Unstructured API answers at this URL. Use the API URL shown in the Unstructured UI, e.g. https://platform.unstructuredapp.io.',
				},
			},
		],
	};
}
