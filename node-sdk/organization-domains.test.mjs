// The official WorkOS Node SDK, unchanged, against the gateway's local Organizations API:
// every call of workos.organizationDomains (create, get, verify, delete) and its errors.
// LOCAL_API_URL names the API (http://127.0.0.1:<port>); the key is any sk_ key.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';

import { NotFoundException, WorkOS } from '@workos-inc/node';

const base = new URL(process.env.LOCAL_API_URL ?? 'http://127.0.0.1:8080');
const apiKey = 'sk_test_local_node_sdk';
const workos = new WorkOS(apiKey, {
  apiHostname: base.hostname,
  port: Number(base.port),
  https: false,
  maxRetries: 0,
});
const run = randomUUID().slice(0, 8);

// Not WorkOS's: the local API's stand-in for public DNS, where the domain owner's
// TXT record is published.
async function publishTxt(name, value) {
  const response = await fetch(new URL(`/local/dns/txt/${name}`, base), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ values: [value] }),
  });
  assert.equal(response.status, 200);
}

test('create, get, verify and delete a domain', async () => {
  const organization = await workos.organizations.createOrganization({ name: `Node SDK ${run}` });
  const domainName = `node-sdk-${run}.example.com`;

  const created = await workos.organizationDomains.create({
    organizationId: organization.id,
    domain: domainName,
  });
  assert.equal(created.object, 'organization_domain');
  assert.match(created.id, /^org_domain_[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.equal(created.organizationId, organization.id);
  assert.equal(created.domain, domainName);
  assert.equal(created.state, 'pending');
  assert.equal(created.verificationStrategy, 'dns');
  assert.match(created.verificationToken, /^[A-Za-z0-9]{25}$/);
  assert.match(created.verificationPrefix, /^superapp-domain-verification-/);

  const read = await workos.organizationDomains.get(created.id);
  assert.deepEqual(read, created);
  const withDomain = await workos.organizations.getOrganization(organization.id);
  assert.deepEqual(withDomain.domains, [created]);

  const unproven = await workos.organizationDomains.verify(created.id);
  assert.equal(unproven.state, 'pending');

  await publishTxt(domainName, `verification_token=${created.verificationToken}`);
  const verified = await workos.organizationDomains.verify(created.id);
  assert.equal(verified.state, 'verified');
  assert.equal(verified.verificationStrategy, 'dns');
  assert.ok(verified.updatedAt > created.updatedAt, `${verified.updatedAt} after ${created.updatedAt}`);
  await assert.rejects(workos.organizationDomains.verify(created.id), (error) => {
    assert.equal(error.status, 400);
    assert.equal(error.message, 'Domain is already verified.');
    return true;
  });

  assert.equal(await workos.organizationDomains.delete(created.id), undefined);
  await assert.rejects(workos.organizationDomains.get(created.id), NotFoundException);
  assert.deepEqual((await workos.organizations.getOrganization(organization.id)).domains, []);
  await workos.organizations.deleteOrganization(organization.id);
});

test('a domain another organization holds is a conflict, an unknown one not found', async () => {
  const holder = await workos.organizations.createOrganization({ name: `Node SDK holder ${run}` });
  const other = await workos.organizations.createOrganization({ name: `Node SDK other ${run}` });
  const domainName = `node-sdk-held-${run}.example.com`;
  await workos.organizationDomains.create({ organizationId: holder.id, domain: domainName });

  await assert.rejects(
    workos.organizationDomains.create({ organizationId: other.id, domain: domainName }),
    (error) => {
      assert.equal(error.status, 409);
      assert.equal(error.name, 'ConflictException');
      return true;
    },
  );
  await assert.rejects(
    workos.organizationDomains.get('org_domain_01EHZNVPK2QXHMVWCEDQEKY69A'),
    NotFoundException,
  );
  await assert.rejects(
    workos.organizationDomains.delete('org_domain_01EHZNVPK2QXHMVWCEDQEKY69A'),
    NotFoundException,
  );
});
