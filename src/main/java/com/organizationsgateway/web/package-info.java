/**
 * What the gateway serves to browsers (the offline GraphiQL page and the security headers
 * that every response carries), and reading request bodies whole.
 */
@NullMarked
package com.organizationsgateway.web;

import org.jspecify.annotations.NullMarked;
