import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withApiKey } from '../nodes/http/apiKey';
import { normalizeApiUrl } from '../nodes/Unstructured/api/apiUrl';

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
			description:
				'An API key of your Unstructured workspace, from API Keys in the Unstructured UI',
		},
	];

	/**
	 * Sends the key as `unstructured-api-key` and points requests at the account's API URL (in any
	 * of the forms users paste). A function rather than a generic block with expressions: n8n
	 * evaluates each expression again for every item, and this runs once per request anyway.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withApiKey(
			requestOptions,
			normalizeApiUrl(String(credentials.apiUrl ?? '')),
			credentials.apiKey,
		);
	}

	test: ICredentialTestRequest = {
		request: {
			url: '/api/v1/workflows/',
			qs: { page: 1, page_size: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The API key was rejected. Copy a current key from API Keys in the Unstructured UI.',
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
