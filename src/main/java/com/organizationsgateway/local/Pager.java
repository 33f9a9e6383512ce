package com.organizationsgateway.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Cuts one page out of a filtered list. Cursors are compared by id rather than looked up,
 * so a cursor whose organization was deleted still marks its place: ids are monotonic
 * ULIDs, so id order is creation order.
 */
final class Pager {

	private Pager() {
	}

	/**
	 * Pages {@code ascendingById} for {@code query}.
	 * <p>
	 * In the presented sequence, {@code after=X} (or {@code before=X} for {@code normal})
	 * takes the {@code limit} items that follow X; the opposite cursor takes the
	 * {@code limit} items just before X, still presented in order. {@code list_metadata}
	 * holds the first item's id when anything precedes the page and the last item's id
	 * when anything follows it; for {@code normal} the two swap keys, since there
	 * {@code before} moves towards the end of the sequence.
	 */
	static OrganizationPage page(List<LocalOrganization> ascendingById, ListQuery query) {
		boolean ascending = query.order() == ListOrder.ASC;
		List<LocalOrganization> sequence = ascendingById;
		if (!ascending) {
			sequence = new ArrayList<>(ascendingById);
			Collections.reverse(sequence);
		}
		Comparator<String> order = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
		boolean normal = query.order() == ListOrder.NORMAL;
		String forward = normal ? query.before() : query.after();
		String backward = normal ? query.after() : query.before();
		int size = sequence.size();
		int from;
		int to;
		if (forward != null) {
			from = countNotFollowing(sequence, forward, order, true);
			to = Math.min(size, from + query.limit());
		}
		else if (backward != null) {
			to = countNotFollowing(sequence, backward, order, false);
			from = Math.max(0, to - query.limit());
		}
		else {
			from = 0;
			to = Math.min(size, query.limit());
		}
		List<LocalOrganization> data = sequence.subList(from, to);
		String towardsStart = (!data.isEmpty() && from > 0) ? data.get(0).id() : null;
		String towardsEnd = (!data.isEmpty() && to < size) ? data.get(data.size() - 1).id() : null;
		return normal ? new OrganizationPage(data, towardsEnd, towardsStart)
				: new OrganizationPage(data, towardsStart, towardsEnd);
	}

	/**
	 * How many items come before the cursor in the sequence; with {@code inclusive} the
	 * cursor itself counts too.
	 */
	private static int countNotFollowing(List<LocalOrganization> sequence, String cursor, Comparator<String> order,
			boolean inclusive) {
		int count = 0;
		for (LocalOrganization organization : sequence) {
			int comparison = order.compare(organization.id(), cursor);
			if (comparison < 0 || (inclusive && comparison == 0)) {
				count++;
			}
			else {
				break;
			}
		}
		return count;
	}

}
