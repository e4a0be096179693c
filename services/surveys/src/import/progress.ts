export { type ProgressBar, progressBar } from '@samverkan/server/progress';
