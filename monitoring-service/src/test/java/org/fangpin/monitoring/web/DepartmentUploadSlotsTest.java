package org.fangpin.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import org.fangpin.platform.web.Problems;

class DepartmentUploadSlotsTest {

    private final DepartmentUploadSlots slots = new DepartmentUploadSlots(1, problems(), new ObjectMapper());

    @Test
    void anUploadWhileEverySlotIsTakenIsAnsweredBusyWithoutReadingItsBody() throws Exception {
        CountDownLatch receiving = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                slots.doFilter(upload(), new MockHttpServletResponse(), (request, response) -> {
                    receiving.countDown();
                    await(done);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(receiving.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse busy = new MockHttpServletResponse();
        MockHttpServletRequest second = upload();
        slots.doFilter(second, busy, (request, response) -> {
            throw new AssertionError("the second upload was read");
        });

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("30");
        assertThat(busy.getContentAsString()).contains("\"code\":\"DEPARTMENT_UPLOADS_BUSY\"");

        done.countDown();
        first.get(10, TimeUnit.SECONDS);
        MockHttpServletResponse after = new MockHttpServletResponse();
        slots.doFilter(upload(), after, passed());
        assertThat(after.getStatus()).as("the slot is free again").isEqualTo(200);
    }

    @Test
    void otherRequestsTakeNoSlot() throws Exception {
        MockHttpServletRequest progress = new MockHttpServletRequest("GET", DepartmentUploadSlots.PATH + "/b-1");
        CountDownLatch receiving = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
            try {
                slots.doFilter(upload(), new MockHttpServletResponse(), (request, response) -> {
                    receiving.countDown();
                    await(done);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(receiving.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse read = new MockHttpServletResponse();
        slots.doFilter(progress, read, passed());

        assertThat(read.getStatus()).isEqualTo(200);
        done.countDown();
        upload.get(10, TimeUnit.SECONDS);
    }

    private static MockHttpServletRequest upload() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", DepartmentUploadSlots.PATH);
        request.setContentType("text/csv");
        return request;
    }

    private static FilterChain passed() {
        return (request, response) -> ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Problems problems() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.DEPARTMENT_UPLOADS_BUSY", Locale.SIMPLIFIED_CHINESE, "正在接收其他部门数据文件");
        messages.addMessage("problem.DEPARTMENT_UPLOADS_BUSY", Locale.ENGLISH, "Other department files are arriving");
        return new Problems(messages);
    }
}
