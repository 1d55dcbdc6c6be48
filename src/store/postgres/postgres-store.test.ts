import { after, before, describe } from 'node:test';
import { describeAccessContract } from '../access.contract.js';
import { describeScopeContract } from '../scope.contract.js';
import { describeStoreContract } from '../store.contract.js';
import { describeViewContract } from '../view.contract.js';
import { openPostgresStore } from './postgres-store.js';
import { postgresSkipReason, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';

const skip = postgresSkipReason();

describe('PostgreSQL store', { skip: skip ?? false }, () => {
  let cluster: ThrowawayCluster;
  before(async () => {
    cluster = await startThrowawayCluster();
  });
  after(async () => cluster?.stop());
  // Each suite opens its stores on databases of their own, so suites never see each other's rows.
  const fresh = async () => openPostgresStore(await cluster.createDatabase());
  describeStoreContract('postgres', fresh);
  describeAccessContract('postgres', fresh);
  describeScopeContract('postgres', fresh);
  describeViewContract('postgres', fresh);
});
