// The container registry: archives whose entries are ingested as files of their own, each keeping its place inside.
import type { Container } from './container.js';
import { gzipContainer } from './gzip.js';
import { mboxContainer } from './mbox.js';
import { tarContainer } from './tar.js';
import { zipContainer } from './zip.js';

export const containers: readonly Container[] = [zipContainer, tarContainer, gzipContainer, mboxContainer];

export { containedName, defaultContainerLimits, formatSize, sourceHead, ExpansionBudget, ExpansionExhausted, type Container, type ContainerEntry, type ContainerLimits, type ContainerSource } from './container.js';
