package io.bridgekeeper.base.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browsers and tools that ask for {@code /favicon.ico} without reading the page get the portal's icon
 * (the pages name it with a link tag) instead of a 404.
 */
@Controller
class FaviconController {

    @GetMapping("/favicon.ico")
    ResponseEntity<Void> favicon() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/icons/bridgekeeper.svg")).build();
    }
}
