import { defineApiWords } from '../../http/errors';

/**
 * What the Transform node says about its API's errors (docs/unstructured-transform-api.md §6): the
 * API's own `code` and `message` are shown as they come; this adds what to do.
 */
const REFUSED = {
	message: 'Unstructured Transform refused the request',
	advice: "The API's message says what it refused: check the document and the options.",
};
const SERVER_ERROR = {
	message: 'Unstructured Transform had a server error',
	advice:
		'This is on the Unstructured side. Raise "Max Attempts" under Retry Options, or run again later.',
};

defineApiWords('unstructuredTransformApi', {
	byStatus: {
		400: REFUSED,
		413: {
			message: 'Unstructured Transform refused the document as too large',
			advice: 'Transform takes documents up to 50 MB.',
		},
		415: {
			message: 'Unstructured Transform does not take this type of document',
			advice: 'Send a PDF, an Office document or an image.',
		},
		422: REFUSED,
		500: SERVER_ERROR,
		502: SERVER_ERROR,
		503: SERVER_ERROR,
		504: SERVER_ERROR,
		401: {
			message: 'Unstructured Transform rejected the API key',
			advice:
				'Check the key in the Unstructured Transform credential (from https://transform.unstructured.io/api-keys). Keys of Unstructured Pipelines do not work with Transform.',
		},
		403: {
			message: 'Unstructured Transform denied access',
			advice:
				'Use a Transform key with access to this, or contact Unstructured. Keys of Unstructured Pipelines do not work with Transform.',
		},
		429: {
			message: 'Unstructured Transform is rate-limiting requests',
			advice:
				'Lower Concurrency under Options, raise "Max Attempts" under Retry Options, or run again later.',
		},
	},
	byCode: {
		parse_expired: {
			message: 'The parse this Extract reuses is no longer kept by Unstructured Transform',
			advice:
				'Parse the document again and use the new parse ID, or extract from the document itself.',
		},
		result_expired: {
			message: 'The job exists, but Unstructured Transform no longer keeps its result',
			advice: 'Run the original Parse or Extract again.',
		},
		quota_exceeded: {
			message: 'The Unstructured Transform quota of this key is used up',
			advice:
				'Nothing was retried: waiting does not help. Raise the quota with Unstructured, or run again when it renews.',
		},
		rate_limited: {
			message: 'Unstructured Transform is rate-limiting requests',
			advice:
				'Lower Concurrency under Options, raise "Max Attempts" under Retry Options, or run again later.',
		},
		missing_input: {
			message: 'Unstructured Transform got no document',
			advice: 'Give the document as a binary field, an uploaded file ID or (Extract) a parse ID.',
		},
		malformed_schema_json: {
			message: 'Unstructured Transform could not read the schema as JSON',
			advice: 'Check the quoting and syntax of the schema.',
		},
		invalid_schema: {
			message: 'Unstructured Transform does not support this schema',
			advice:
				'Use objects, lists and plain types; the node lists every property in "required" and sets "additionalProperties" to false.',
		},
	},
});
