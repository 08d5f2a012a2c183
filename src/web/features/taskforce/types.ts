import type { ISSUE_SEVERITIES } from '../../../common/restructuring';

export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];
