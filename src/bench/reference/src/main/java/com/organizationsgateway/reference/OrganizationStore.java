package com.organizationsgateway.reference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.relay.Connection;
import graphql.relay.ConnectionCursor;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The organizations in a HashMap, and in their list order for pages, read once at
 * startup. Cursors are the gateway's: base64url of {@code v1:} and the id.
 */
@Component
class OrganizationStore {

	private static final int DEFAULT_PAGE_SIZE = 10;

	private final Map<String, Organization> byId = new HashMap<>();

	private final List<Organization> inOrder = new ArrayList<>();

	OrganizationStore(ReferenceProperties properties, JsonMapper mapper) {
		List<WireOrganization> wire = mapper.readValue(properties.organizations().toFile(),
				new TypeReference<List<WireOrganization>>() {
				});
		for (WireOrganization organization : wire) {
			Organization mapped = organization.toOrganization();
			this.byId.put(mapped.id(), mapped);
			this.inOrder.add(mapped);
		}
	}

	Organization byId(String id) {
		return this.byId.get(id);
	}

	Connection<Organization> page(Integer first, String after) {
		int start = 0;
		if (after != null) {
			Organization previous = this.byId.get(decode(after));
			start = (previous != null) ? this.inOrder.indexOf(previous) + 1 : 0;
		}
		int end = Math.min(this.inOrder.size(), start + ((first != null) ? first : DEFAULT_PAGE_SIZE));
		List<Edge<Organization>> edges = new ArrayList<>(end - start);
		for (Organization organization : this.inOrder.subList(start, end)) {
			edges.add(new DefaultEdge<>(organization, new DefaultConnectionCursor(encode(organization.id()))));
		}
		ConnectionCursor startCursor = edges.isEmpty() ? null : edges.get(0).getCursor();
		ConnectionCursor endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
		return new DefaultConnection<>(edges,
				new DefaultPageInfo(startCursor, endCursor, start > 0, end < this.inOrder.size()));
	}

	private static String encode(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).substring("v1:".length());
	}

}
