export * from './assessment.js';
export * from './audit.js';
export * from './catalogue.js';
export * from './enrolment.js';
export * from './identity.js';
export * from './mail.js';
export * from './reference.js';
