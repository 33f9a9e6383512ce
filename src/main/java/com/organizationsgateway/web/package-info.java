/**
 * What the gateway serves to browsers: the offline GraphiQL page and the security headers
 * that every response carries.
 */
@NullMarked
package com.organizationsgateway.web;

import org.jspecify.annotations.NullMarked;
