import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withApiKey } from '../nodes/http/apiKey';
import { normalizeTransformUrl } from '../nodes/UnstructuredTransform/api/baseUrl';

/**
 * Unstructured Transform (`/api/v2` at transform.unstructured.io): its own keys, which do not work
 * with Pipelines, nor Pipelines keys with it (docs/unstructured-transform-api.md §1).
 */
export class UnstructuredTransformApi implements ICredentialType {
	name = 'unstructuredTransformApi';

	displayName = 'Unstructured Transform API';

	icon = {
		light: 'file:../nodes/UnstructuredTransform/unstructuredTransform.svg',
		dark: 'file:../nodes/UnstructuredTransform/unstructuredTransform.dark.svg',
	} as const;

	documentationUrl = 'https://docs.unstructured.io/transform/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Transform API key, from API Keys at https://transform.unstructured.io/api-keys. Keys of Unstructured Pipelines (platform.unstructuredapp.io) do not work here.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://transform.unstructured.io',
			placeholder: 'https://transform.unstructured.io',
			description:
				'Only for another Transform deployment. A trailing slash or a trailing /api/v2 is fine.',
		},
	];

	/** Sends the key as `unstructured-api-key` (and nowhere else) and points requests at the base URL. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return withApiKey(
			requestOptions,
			normalizeTransformUrl(String(credentials.baseUrl ?? '')),
			credentials.apiKey,
		);
	}

	/** A cheap authenticated read: the list of the key's jobs. */
	test: ICredentialTestRequest = {
		request: {
			url: '/api/v2/jobs',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The Transform API key was rejected. Copy a current key from https://transform.unstructured.io/api-keys (keys of Unstructured Pipelines do not work with Transform).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The Transform API key may not list jobs. Use a key with access, or contact Unstructured.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Transform API answers at this Base URL. Leave it at https://transform.unstructured.io unless Unstructured gave you another.',
				},
			},
		],
	};
}
