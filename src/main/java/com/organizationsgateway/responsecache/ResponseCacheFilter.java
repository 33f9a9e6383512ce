package com.organizationsgateway.responsecache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.organizationsgateway.web.DataBuffers;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers a GraphQL request over HTTP (POST, or GET) with the kept response when the same
 * request from a caller with the same authorities was answered before in the current
 * generation; otherwise lets it run and keeps its response if the GraphQL layer allows
 * it. Runs after Spring Security, so only requests it let through get here, keyed by what
 * their callers were granted.
 */
final class ResponseCacheFilter implements WebFilter, Ordered {

	/** The response headers of the GraphQL endpoint that a replay must repeat. */
	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY);

	private static final List<MediaType> KEPT_TYPES = List.of(MediaType.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	private static final byte SEPARATOR = 0;

	private final ResponseCache cache;

	private final String path;

	private final long maximumResponseSize;

	ResponseCacheFilter(ResponseCache cache, String path, long maximumResponseSize) {
		this.cache = cache;
		this.path = path;
		this.maximumResponseSize = maximumResponseSize;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!applies(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map(ResponseCacheFilter::caller)
			.defaultIfEmpty("")
			.zipWith(body(exchange.getRequest()))
			.flatMap((callerAndBody) -> {
				byte[] body = callerAndBody.getT2();
				String key = key(exchange.getRequest(), callerAndBody.getT1(), body);
				CachedResponse kept = this.cache.replayable(key);
				if (kept != null) {
					return replay(exchange.getResponse(), kept);
				}
				Cacheability cacheability = new Cacheability();
				exchange.getAttributes().put(Cacheability.ATTRIBUTE, cacheability);
				ServerHttpRequest request = withBody(exchange.getRequest(), body);
				ServerHttpResponse response = new Keeping(exchange.getResponse(), key, this.cache.generation(),
						cacheability, this.cache.now());
				return chain.filter(exchange.mutate().request(request).response(response).build());
			});
	}

	private boolean applies(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (!this.path.equals(request.getPath().pathWithinApplication().value())) {
			return false;
		}
		if (HttpMethod.GET.equals(method)) {
			// A WebSocket handshake is no query.
			return !request.getHeaders().containsHeader(HttpHeaders.UPGRADE);
		}
		// A stream of events is not kept.
		return HttpMethod.POST.equals(method) && !request.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType());
	}

	/** What the caller was granted, which is all a response may depend on. */
	private static String caller(Authentication authentication) {
		if (!authentication.isAuthenticated()) {
			return "";
		}
		return authentication.getClass().getName()
				+ authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
	}

	private static Mono<byte[]> body(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody()).map(DataBuffers::bytesOf).defaultIfEmpty(new byte[0]);
	}

	/**
	 * Everything the response depends on: the caller's authorities and the request as
	 * sent, including the headers that choose the response's form.
	 */
	private static String key(ServerHttpRequest request, String caller, byte[] body) {
		MessageDigest digest = sha256();
		for (String part : new String[] { request.getMethod().name(), request.getURI().getRawPath(),
				String.valueOf(request.getURI().getRawQuery()),
				String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT)),
				String.join(",", request.getHeaders().getOrEmpty(HttpHeaders.CONTENT_TYPE)), caller }) {
			digest.update(part.getBytes(StandardCharsets.UTF_8));
			digest.update(SEPARATOR);
		}
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static Mono<Void> replay(ServerHttpResponse response, CachedResponse kept) {
		response.setStatusCode(HttpStatus.OK);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(kept.contentType());
		headers.setContentLength(kept.body().length);
		kept.headers().forEach(headers::put);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(kept.body())));
	}

	/** The request with the body this filter already read. */
	private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}
		};
	}

	@Override
	public int getOrder() {
		// After Spring Security and every other filter, which thus apply to replays too.
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Keeps the response on its way out, if the GraphQL layer allowed it. */
	private final class Keeping extends ServerHttpResponseDecorator {

		private final String key;

		private final long generation;

		private final Cacheability cacheability;

		/** When the computation began: the response is as old as the data it read. */
		private final long startedAt;

		Keeping(ServerHttpResponse delegate, String key, long generation, Cacheability cacheability, long startedAt) {
			super(delegate);
			this.key = key;
			this.generation = generation;
			this.cacheability = cacheability;
			this.startedAt = startedAt;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			MediaType type = getHeaders().getContentType();
			if (!this.cacheability.isCacheable() || !isOk(getStatusCode()) || type == null
					|| KEPT_TYPES.stream().noneMatch(type::equalsTypeAndSubtype)) {
				return super.writeWith(body);
			}
			return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
				if (joined.readableByteCount() <= ResponseCacheFilter.this.maximumResponseSize) {
					byte[] bytes = new byte[joined.readableByteCount()];
					joined.toByteBuffer(joined.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
					ResponseCacheFilter.this.cache.put(this.key, new CachedResponse(bytes, type,
							keptHeaders(getHeaders()), this.generation, this.startedAt));
				}
				return super.writeWith(Mono.just(joined));
			});
		}

		private static boolean isOk(@Nullable HttpStatusCode status) {
			return status == null || status.value() == HttpStatus.OK.value();
		}

		private static Map<String, List<String>> keptHeaders(HttpHeaders headers) {
			Map<String, List<String>> kept = new LinkedHashMap<>();
			for (String name : KEPT_HEADERS) {
				List<String> values = headers.get(name);
				if (values != null) {
					kept.put(name, List.copyOf(values));
				}
			}
			return Map.copyOf(kept);
		}

	}

}
