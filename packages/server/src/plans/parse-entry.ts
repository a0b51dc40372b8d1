/** What the isolated worker loads to read a plan file (parse-upload.ts): core's parser, nothing of the server. */
export { parsePlanFile } from '@tre/core/plans/parse';
