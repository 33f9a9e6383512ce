/**
 * What the gateway serves to browsers (the offline GraphiQL page and the security headers
 * that every response carries), reading request bodies whole, and the JSON mapper that
 * writes every response.
 */
@NullMarked
package com.organizationsgateway.web;

import org.jspecify.annotations.NullMarked;
