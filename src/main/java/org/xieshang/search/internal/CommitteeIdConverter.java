package org.xieshang.search.internal;

import org.hibernate.search.mapper.pojo.tenancy.TenantIdentifierConverter;

/** Committee ids are the tenant ids: numbers in the database, strings in the index. */
public class CommitteeIdConverter implements TenantIdentifierConverter {

    @Override
    public String toStringValue(Object tenantId) {
        return tenantId == null ? null : tenantId.toString();
    }

    @Override
    public Object fromStringValue(String tenantId) {
        return tenantId == null ? null : Long.valueOf(tenantId);
    }
}
