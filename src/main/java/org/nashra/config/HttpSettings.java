package org.nashra.config;

import java.net.URI;

/**
 * @param baseUrl      public URL of this instance, used for self links and ids of published feeds
 * @param websubHub    WebSub hub to advertise and ping, or null
 * @param tagAuthority the authority part of tag: ids ("example.org,2026"); never change it once published
 */
public record HttpSettings(String host, int port, URI baseUrl, URI websubHub, String tagAuthority) {}
