package com.organizationsgateway.organization;

import com.organizationsgateway.workos.DomainData;

/**
 * The GraphQL {@code DomainDataInput}: a domain to give an organization.
 */
record DomainDataInput(String domain, DomainDataState state) {

	DomainData toWire() {
		return new DomainData(this.domain,
				(this.state == DomainDataState.VERIFIED) ? DomainData.State.VERIFIED : DomainData.State.PENDING);
	}

}
